package dev.pipelines.cdc.demo;

import dev.pipelines.cdc.config.progress.FlinkRestClient;
import dev.pipelines.cdc.config.progress.SnapshotProgressReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;

/**
 * The mini-cluster's REST API on a known port, and a thread that prints the snapshot's progress
 * from it, as the operator reads it ({@link SnapshotProgressReader}), until the snapshot is done.
 */
final class SnapshotWatch {
  private SnapshotWatch() {}

  /**
   * The mini-cluster's configuration: REST on {@code restPort}, and metrics fetched every second
   * (Flink's default, 10 s, would show a short snapshot only at its end).
   */
  static Configuration miniCluster(int restPort) {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
    conf.set(RestOptions.PORT, restPort);
    conf.set(RestOptions.ADDRESS, "localhost");
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, 1000L);
    return conf;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static URI restUri(int restPort) {
    return URI.create("http://localhost:" + restPort);
  }

  /**
   * Prints each new progress line until the snapshot is done (a daemon thread); the future completes
   * then.
   */
  static CompletableFuture<Void> start(int restPort, String jobId, long rowsEstimated, Consumer<String> out) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    SnapshotProgressReader reader = new SnapshotProgressReader(new FlinkRestClient(restUri(restPort),
        Duration.ofSeconds(10)));
    Thread thread = new Thread(() -> {
      String last = "";
      while (!Thread.currentThread().isInterrupted()) {
        try {
          SnapshotProgressReader.Reading reading = reader.read(jobId);
          if (reading instanceof SnapshotProgressReader.NoRunningJob none && none.jobState() != null
              && List.of("FAILED", "CANCELED", "FINISHED").contains(none.jobState())) {
            done.completeExceptionally(new IllegalStateException("the job is " + none.jobState()));
            return;
          }
          if (reading instanceof SnapshotProgressReader.Figures f) {
            String line = SnapshotProgressLine.of(f.figures(), rowsEstimated);
            if (!line.equals(last)) {
              out.accept(line);
              last = line;
            }
            if (f.figures().done()) {
              done.complete(null);
              return;
            }
          }
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          done.completeExceptionally(e);
          return;
        } catch (IOException e) {
          // A busy mini-cluster can be slow to answer: say so once and keep asking.
          String line = "snapshot progress not readable (asking again): " + e.getMessage();
          if (!line.equals(last)) {
            out.accept(line);
            last = line;
          }
          sleepQuietly();
        }
      }
    }, "snapshot-progress");
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> done.completeExceptionally(e));
    thread.start();
    return done;
  }
}
