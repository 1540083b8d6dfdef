package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.status.SnapshotObservation;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Map;

/** The operator, in-process, against the fabric8 mock API server. */
public final class MockServerOperator {
  private MockServerOperator() {}

  public static Operator start(KubernetesClient client, Databases databases, SlotMetrics metrics) {
    return start(client, databases, metrics, TestOperatorSettings.settings());
  }

  /** With other settings, e.g. production's re-check intervals (the scale benchmark). */
  public static Operator start(KubernetesClient client, Databases databases, SlotMetrics metrics,
      OperatorSettings settings) {
    return start(client, databases, metrics, settings, NO_JOB_MANAGER);
  }

  /** No JobManager answers in these tests (the mock server runs no Flink): the snapshot stays Pending. */
  public static final SnapshotProgress NO_JOB_MANAGER =
      (deployment, jobId, rowsEstimated) -> new SnapshotObservation.NotYet("no JobManager in this test");

  /** With a JobManager of the test's (e.g. a fake REST server's address). */
  public static Operator start(KubernetesClient client, Databases databases, SlotMetrics metrics,
      OperatorSettings settings, SnapshotProgress progress) {
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), databases, metrics, progress,
        o -> o
            .withKubernetesClient(client)
            .withCloseClientOnStop(false)
            // The mock server does not implement server-side apply (404 on create, 415 on update):
            // tests only use update/merge patches. Production keeps JOSDK's SSA defaults.
            .withSSABasedCreateUpdateMatchForDependentResources(false)
            .withUseSSAToPatchPrimaryResource(false));
    operator.start();
    return operator;
  }

  /** The two credential Secrets and the minimal pipeline, created as a user would (no uid, generation, status). */
  public static void createMinimalPipeline(KubernetesClient client) {
    for (String name : new String[] {"pg-cdc", "starrocks-loader"}) {
      client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(TestPipelines.NAMESPACE)
          .endMetadata().withStringData(Map.of("username", "u", "password", "p")).build()).create();
    }
    CdcPipeline pipeline = TestPipelines.minimal();
    pipeline.getMetadata().setUid(null);
    pipeline.getMetadata().setGeneration(null);
    pipeline.setStatus(null);
    client.resource(pipeline).create();
  }
}
