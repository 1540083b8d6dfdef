package dev.pipelines.cdc.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.http.OperatorEndpoints;
import dev.pipelines.cdc.operator.http.OperatorHttpServer;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.prerequisite.Prerequisites;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

/**
 * The operator started as {@code OperatorMain} starts it, on a mock API server that serves our CRD but not the
 * Flink Kubernetes Operator's: it waits (one line logged, {@code /readyz} 503 with that line, {@code /healthz} 200),
 * then starts by itself once the CRD is created and reconciles a pipeline.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorStartupIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RECHECK = Duration.ofMillis(100);
  static KubernetesClient client;

  @Test
  void waitsWithOneLineAndAReadinessReasonUntilTheFlinkCrdAppearsThenReconciles() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().resource(TestCrds.ours()).create();
    List<String> warnings = new CopyOnWriteArrayList<>();
    List<String> infos = new CopyOnWriteArrayList<>();
    AtomicInteger checks = new AtomicInteger();
    Operator operator = CdcPipelineOperator.create(TestOperatorSettings.settings(), Clock.systemUTC(),
        FakeDatabases.allReady(), new SlotMetrics(), o -> o
            .withKubernetesClient(client)
            .withCloseClientOnStop(false)
            // As MockServerOperator: the mock server has no server-side apply.
            .withSSABasedCreateUpdateMatchForDependentResources(false)
            .withUseSSAToPatchPrimaryResource(false));
    OperatorStartup startup = new OperatorStartup(operator, () -> {
      checks.incrementAndGet();
      return Prerequisites.missing(client);
    }, RECHECK, warnings::add, infos::add);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread running = new Thread(() -> {
      try {
        startup.run();
      } catch (Throwable t) {
        failed.set(t);
      }
    }, "startup");
    running.setDaemon(true);
    try (OperatorHttpServer http = OperatorHttpServer.start(0, OperatorEndpoints.routes(new SlotMetrics(), startup))) {
      running.start();
      // Several re-checks, so that a line logged at each one would show.
      await().atMost(TIMEOUT).until(() -> checks.get() >= 5);

      String line = Prerequisites.FLINK_DEPLOYMENTS.missingLine();
      assertThat(warnings).singleElement().satisfies(w -> assertThat(w).startsWith(line).doesNotContain("\n"));
      assertThat(get(http, OperatorEndpoints.READINESS)).isEqualTo("503 " + line + "\n");
      assertThat(get(http, OperatorEndpoints.LIVENESS)).isEqualTo("200 ok\n");
      assertThat(operator.getRuntimeInfo().isStarted()).isFalse();
      assertThat(failed.get()).isNull();

      client.apiextensions().v1().customResourceDefinitions().resource(TestCrds.flinkDeployments()).create();
      await().atMost(TIMEOUT).until(() -> get(http, OperatorEndpoints.READINESS).equals("200 ready\n"));
      assertThat(warnings).hasSize(1);
      assertThat(infos).singleElement().satisfies(i -> assertThat(i).contains("starting the controllers"));

      MockServerOperator.createMinimalPipeline(client);
      await().atMost(TIMEOUT).until(() -> client.resources(FlinkDeployment.class)
          .inNamespace(TestPipelines.NAMESPACE).withName(TestPipelines.NAME).get() != null);
    } finally {
      operator.stop();
    }
    assertThat(failed.get()).isNull();
  }

  @Test
  void anUnreachableApiServerIsOneLineAndARetryNotACrash() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Operator operator = CdcPipelineOperator.create(TestOperatorSettings.settings(), Clock.systemUTC(),
        FakeDatabases.allReady(), new SlotMetrics(), o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    AtomicInteger checks = new AtomicInteger();
    OperatorStartup startup = new OperatorStartup(operator, () -> {
      checks.incrementAndGet();
      throw new io.fabric8.kubernetes.client.KubernetesClientException("Failed to connect\nto 10.0.0.1:443");
    }, RECHECK, warnings::add, i -> {});
    Thread running = new Thread(() -> {
      try {
        startup.run();
      } catch (InterruptedException stopped) {
        // the test is over
      }
    }, "startup");
    running.setDaemon(true);
    running.start();
    try {
      await().atMost(TIMEOUT).until(() -> checks.get() >= 3);
      assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
          .startsWith("cannot ask the API server which APIs it serves: Failed to connect to 10.0.0.1:443"));
      assertThat(startup.notReadyReason()).hasValueSatisfying(r -> assertThat(r).startsWith("cannot ask"));
      assertThat(running.isAlive()).isTrue();
    } finally {
      running.interrupt();
      running.join(TIMEOUT.toMillis());
    }
  }

  /** {@code "<status> <body>"}. */
  private static String get(OperatorHttpServer server, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
