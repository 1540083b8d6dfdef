package dev.pipelines.cdc.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The operator's one HTTP port, served by the JDK's HTTP server (no extra dependency): {@code GET} on exact paths,
 * 404 for any other path, 405 for any other method.
 */
public final class OperatorHttpServer implements AutoCloseable {
  /** Requests served at once: a slow readiness check or scrape must not hold up the liveness probe. */
  private static final int THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;

  private OperatorHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts on {@code port} (0: any free port, for tests).
   *
   * @param routes path to response, the response computed afresh for each request
   */
  public static OperatorHttpServer start(int port, Map<String, Supplier<PlainResponse>> routes) {
    Map<String, Supplier<PlainResponse>> table = Map.copyOf(routes);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      // One context for everything: the JDK matches contexts by prefix, routes here are exact.
      server.createContext("/", exchange -> {
        try (exchange) {
          Supplier<PlainResponse> route = table.get(exchange.getRequestURI().getPath());
          if (route == null) {
            exchange.sendResponseHeaders(404, -1);
          } else if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
          } else {
            send(exchange, route.get());
          }
        }
      });
      ExecutorService executor = Executors.newFixedThreadPool(THREADS, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
          return new Thread(r, "http-" + count.incrementAndGet());
        }
      });
      server.setExecutor(executor);
      server.start();
      return new OperatorHttpServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve HTTP on port " + port, e);
    }
  }

  private static void send(HttpExchange exchange, PlainResponse response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
