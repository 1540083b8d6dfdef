package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
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
  private static final GatedDatabases GATE = new GatedDatabases(FakeDatabases.allReady());
  /** Long enough for the held reconcile's writes to fail and be retried against a dead server. */
  private static final Duration DOWNTIME = Duration.ofSeconds(5);

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

    pipelines.awaitFlinkDeployment(TestPipelines.NAME);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(TestPipelines.NAME);
      assertThat(p.getStatus()).isNotNull();
      assertThat(p.getStatus().observedGeneration()).isEqualTo(1L);
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
    });

    // The informers watch again: a change made after the restart arrives without any resync.
    cluster.admin().resource(TestPipelines.with(pipelines.get(TestPipelines.NAME), "spec.job.parallelism", 2)).update();
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.flinkDeployment(TestPipelines.NAME).getSpec().getJob().getParallelism()).isEqualTo(2);
      assertThat(pipelines.get(TestPipelines.NAME).getStatus().observedGeneration()).isEqualTo(2L);
    });
    assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }
}
