package dev.pipelines.cdc.testsupport.flink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a Flink JobManager's REST API (JDK {@code HttpServer} on a free local port) that
 * answers what it is told to, typically answers recorded from a real job ({@link RecordedJob}).
 * Unknown paths answer 404 with Flink's error shape ({@code {"errors":["Not found: ..."]}}).
 */
public final class FakeJobManager implements AutoCloseable {
  private record Answer(int status, String body) {}

  private final HttpServer server;
  /** By path, and by path + "?get" for the aggregated-metrics form of a metrics path. */
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private FakeJobManager(HttpServer server) {
    this.server = server;
  }

  public static FakeJobManager start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeJobManager fake = new FakeJobManager(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
  }

  /** {@code GET path} (without a query) answers this. */
  public FakeJobManager answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
    return this;
  }

  /** {@code GET path?get=...} (a metrics query, whatever it asks for) answers this. */
  public FakeJobManager answerQuery(String path, int status, String body) {
    answers.put(path + "?get", new Answer(status, body));
    return this;
  }

  /** Every request so far, as path and query. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    String key = uri.getRawQuery() != null && uri.getRawQuery().startsWith("get=") ? uri.getPath() + "?get"
        : uri.getPath();
    Answer answer = answers.getOrDefault(key,
        new Answer(404, "{\"errors\":[\"Not found: " + uri.getPath() + "\"]}"));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
