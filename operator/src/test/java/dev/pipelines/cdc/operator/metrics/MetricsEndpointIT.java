package dev.pipelines.cdc.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.SlotReading;
import dev.pipelines.cdc.operator.http.OperatorEndpoints;
import dev.pipelines.cdc.operator.http.OperatorHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's {@code /metrics}, as Prometheus scrapes it, after a real reconcile against the mock
 * API server: JOSDK's reconcile metrics (Micrometer) and our slot gauges, from one registry, with the
 * figures preflight read from the (fake) database.
 */
@EnableKubernetesMockClient(crud = true)
class MetricsEndpointIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final SlotReading SLOT = new SlotReading(true, "0/16B3748", 8_192L, 1_024L);
  static KubernetesClient client;
  private static final SlotMetrics METRICS = new SlotMetrics();
  private static Operator operator;
  private static OperatorHttpServer server;

  @BeforeAll
  static void start() {
    Databases withSlot = new Databases(
        (target, selection) -> FakeDatabases.sourceReport(FakeDatabases.PASSED, Optional.of(SLOT)),
        target -> FakeDatabases.PASSED,
        (target, slot, publication) -> CleanupOutcome.done("nothing to drop", Optional.empty()));
    operator = MockServerOperator.start(client, withSlot, METRICS);
    server = OperatorHttpServer.start(0, OperatorEndpoints.routes(METRICS, Optional::empty));
  }

  @AfterAll
  static void stop() {
    server.close();
    operator.stop();
  }

  @Test
  void metricsHaveJosdksReconcileFiguresAndTheSlotGauges() throws Exception {
    MockServerOperator.createMinimalPipeline(client);

    // The gauges are recorded inside the reconcile, JOSDK's timer when it returns: wait for both.
    String reconcileCount =
        "operator_sdk_controllers_execution_reconcile_seconds_count\\{[^}]*controller=\"cdcpipeline\"[^}]*\\} [1-9]";
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(scrape()).contains("cdc_pipeline_slot_lag_bytes{").containsPattern(reconcileCount));
    String text = scrape();

    String slot = "{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"}";
    assertThat(text).contains(
        "cdc_pipeline_slot_lag_bytes" + slot + " 1024.0\n",
        "cdc_pipeline_slot_retained_wal_bytes" + slot + " 8192.0\n",
        "cdc_pipeline_slot_active" + slot + " 1.0\n",
        "cdc_pipeline_slot_exists" + slot + " 1.0\n");
    // JOSDK's own: reconciles started and succeeded (at least the one that wrote the status the gauges
    // come from), none failed, and the reconcile timer of the controller.
    assertThat(counter(text, "operator_sdk_reconciliations_started_total")).isGreaterThanOrEqualTo(1);
    assertThat(counter(text, "operator_sdk_reconciliations_success_total")).isGreaterThanOrEqualTo(1);
    assertThat(text).doesNotContain("operator_sdk_reconciliations_failed_total{");
    assertThat(counter(text, "operator_sdk_controllers_execution_reconcile_success_total")).isGreaterThanOrEqualTo(1);
  }

  /** The sum over all series of a counter (JOSDK tags its counters by group, version, kind). */
  private static double counter(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.eE+]+)$").matcher(text);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      found = true;
      sum += Double.parseDouble(m.group(1));
    }
    assertThat(found).as("%s in\n%s", name, text).isTrue();
    return sum;
  }

  private static String scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + OperatorEndpoints.METRICS)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(SlotMetrics.CONTENT_TYPE);
    return response.body();
  }
}
