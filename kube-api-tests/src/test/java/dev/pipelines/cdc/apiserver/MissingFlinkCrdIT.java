package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.kubeapi.Crds;
import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.OperatorStartup;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.prerequisite.Prerequisites;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13, as a new user met it: a real API server without the Flink Kubernetes Operator's CRD. java-operator-sdk
 * alone exited with a 154-line trace ending in "Not Found"; the operator started as {@code OperatorMain} starts it
 * (the chart's ServiceAccount, which asks API discovery: no extra permission, the audit check after the class says
 * so) logs one line, is not ready with that line as the reason, and starts by itself once the CRD is installed.
 */
class MissingFlinkCrdIT {
  @RegisterExtension
  static final RealCluster cluster = new RealCluster().withoutFlinkCrd().withoutOperator().withoutGarbageCollection();

  @Test
  void waitsWithOneLineThenStartsAndReconcilesOnceTheFlinkCrdIsInstalled() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    AtomicInteger checks = new AtomicInteger();
    Operator operator = CdcPipelineOperator.create(cluster.operatorSettings(), Clock.systemUTC(),
        PassingDatabases.all(), new SlotMetrics(),
        o -> o.withKubernetesClient(cluster.operatorClient()).withCloseClientOnStop(false));
    OperatorStartup startup = new OperatorStartup(operator, () -> {
      checks.incrementAndGet();
      return Prerequisites.missing(cluster.operatorClient());
    }, Duration.ofMillis(200), warnings::add, i -> {});
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread running = new Thread(() -> {
      try {
        startup.run();
      } catch (Throwable t) {
        failed.set(t);
      }
    }, "startup");
    running.setDaemon(true);
    running.start();
    try {
      await().atMost(Pipelines.TIMEOUT).until(() -> checks.get() >= 5);
      String line = Prerequisites.FLINK_DEPLOYMENTS.missingLine();
      assertThat(warnings).singleElement().satisfies(w -> assertThat(w).startsWith(line));
      assertThat(startup.notReadyReason()).contains(line);
      assertThat(failed.get()).isNull();

      Crds.install(cluster.admin(), List.of(Crds.flinkDeployments()));
      await().atMost(Pipelines.TIMEOUT).until(() -> startup.notReadyReason().isEmpty());
      assertThat(warnings).hasSize(1);

      Pipelines pipelines = new Pipelines(cluster.admin(), TestPipelines.NAMESPACE);
      pipelines.createSecrets();
      pipelines.submit(TestPipelines.minimal());
      assertThat(pipelines.awaitFlinkDeployment(TestPipelines.NAME)).isNotNull();
    } finally {
      operator.stop();
      running.join(Pipelines.TIMEOUT.toMillis());
    }
    assertThat(failed.get()).isNull();
  }
}
