package dev.pipelines.cdc.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SlotMetrics metrics = new SlotMetrics();
  private final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.of("informers syncing"));
  private OperatorHttpServer server;

  @BeforeEach
  void start() {
    server = OperatorHttpServer.start(0, OperatorEndpoints.routes(metrics, notReady::get));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void livenessIsOkWhileTheProcessServes() throws Exception {
    HttpResponse<String> response = get(OperatorEndpoints.LIVENESS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void readinessIs503WithTheReasonUntilReady() throws Exception {
    HttpResponse<String> before = get(OperatorEndpoints.READINESS);
    notReady.set(Optional.empty());
    HttpResponse<String> after = get(OperatorEndpoints.READINESS);

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).isEqualTo("informers syncing\n");
    assertThat(before.headers().firstValue("Content-Type")).contains(PlainResponse.TEXT);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("ready\n");
  }

  @Test
  void metricsInPrometheusText() throws Exception {
    metrics.record("data", "orders", new SourceStatus("s", "p", true, true, "0/1", 1L, 7L));

    HttpResponse<String> response = get(OperatorEndpoints.METRICS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(SlotMetrics.CONTENT_TYPE);
    assertThat(response.body()).contains("cdc_pipeline_slot_lag_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"s\"} 7.0");
  }

  @Test
  void onlyExactPathsAndGet() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get(OperatorEndpoints.LIVENESS + "x").statusCode()).isEqualTo(404);
    assertThat(get(OperatorEndpoints.LIVENESS + "/x").statusCode()).isEqualTo(404);

    HttpResponse<String> post = http.send(
        HttpRequest.newBuilder(uri(OperatorEndpoints.READINESS)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aSlowReadinessCheckDoesNotHoldUpLiveness() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (OperatorHttpServer slow = OperatorHttpServer.start(0, OperatorEndpoints.routes(metrics, () -> {
      await(release);
      return Optional.empty();
    }))) {
      URI base = URI.create("http://localhost:" + slow.port());
      CompletableFuture<HttpResponse<Void>> readiness = http.sendAsync(
          HttpRequest.newBuilder(base.resolve(OperatorEndpoints.READINESS)).build(),
          HttpResponse.BodyHandlers.discarding());

      HttpResponse<Void> liveness = http.send(
          HttpRequest.newBuilder(base.resolve(OperatorEndpoints.LIVENESS)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());

      assertThat(liveness.statusCode()).isEqualTo(200);
      assertThat(readiness).isNotDone();
      release.countDown();
      assertThat(readiness.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }
}
