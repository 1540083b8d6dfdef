package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.kubeapi.Sleep;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server goes away in the middle of a reconcile (the operator has read the pipeline and
 * its Secrets, and is about to write) and comes back on the same address over the same etcd, as
 * in a control-plane upgrade. The operator must neither die nor need a restart: it converges, and
 * its watches work again.
 */
class ApiServerRestartIT {
  private static final GatedDatabases GATE = new GatedDatabases(PassingDatabases.all());
  /** Long enough for the held reconcile's writes to fail and be retried against a dead server. */
  private static final Duration DOWNTIME = Duration.ofSeconds(5);
  /**
   * For some 30 s after a restart the server refused every object with an owner reference to a
   * CdcPipeline (OwnerReferencesPermissionEnforcement's REST mapper did not know the CRD yet), and
   * the operator retries at most 30 s apart.
   */
  private static final Duration CONVERGENCE = Duration.ofSeconds(120);

  @RegisterExtension
  static final RealCluster cluster = new RealCluster().withDatabases(GATE.databases()).withoutGarbageCollection();

  private final Pipelines pipelines = new Pipelines(cluster.admin(), TestPipelines.NAMESPACE);

  @AfterEach
  void cleanUp() {
    GATE.open();
    pipelines.deleteAll();
  }

  @Test
  void convergesAfterTheApiServerRestartsMidReconcile() {
    pipelines.createSecrets();
    GATE.close();
    pipelines.submit(TestPipelines.minimal());
    GATE.awaitHeld(Pipelines.TIMEOUT);

    cluster.controlPlane().stopApiServer();
    GATE.open();
    Sleep.millis(DOWNTIME.toMillis());
    cluster.controlPlane().startApiServer();
    long back = System.nanoTime();

    await().atMost(CONVERGENCE).until(() -> pipelines.flinkDeployment(TestPipelines.NAME) != null);
    System.out.printf("ApiServerRestartIT: FlinkDeployment written %d ms after the API server was ready again%n",
        (System.nanoTime() - back) / 1_000_000);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(TestPipelines.NAME);
      assertThat(p.getStatus()).isNotNull();
      assertThat(p.getStatus().observedGeneration()).isEqualTo(1L);
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
    });

    // The informers watch again: a change made after the restart arrives without any resync.
    pipelines.change(TestPipelines.NAME, p -> TestPipelines.with(p, "spec.job.parallelism", 2));
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.flinkDeployment(TestPipelines.NAME).getSpec().getJob().getParallelism()).isEqualTo(2);
      assertThat(pipelines.get(TestPipelines.NAME).getStatus().observedGeneration()).isEqualTo(2L);
    });
    // Informers report unhealthy while they re-list and re-watch after the restart.
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy())
        .as("event sources healthy; unhealthy: %s", cluster.operator().getRuntimeInfo().unhealthyEventSources()).isTrue());
  }
}
