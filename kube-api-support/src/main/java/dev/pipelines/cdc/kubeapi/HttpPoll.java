package dev.pipelines.cdc.kubeapi;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for a local server's health endpoint to answer 200, failing early if its process dies. */
final class HttpPoll {
  private HttpPoll() {}

  /** @param what names the server in the timeout message, e.g. "etcd not healthy" */
  static void until200(HttpClient http, HttpRequest request, LocalProcess process, Duration timeout, long pauseMillis,
      String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      process.checkAlive();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " after " + timeout + ":\n" + process.tail());
      }
      Sleep.millis(pauseMillis);
    }
  }
}
