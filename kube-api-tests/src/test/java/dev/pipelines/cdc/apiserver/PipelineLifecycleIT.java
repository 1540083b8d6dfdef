package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.kubeapi.Sleep;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.util.List;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pipeline's life through a real API server, with the operator in its production configuration
 * (server-side apply) running as the chart's ServiceAccount (ClusterRole mode). The Flink
 * Kubernetes Operator 1.10 is played by {@link FlinkOperatorDouble}, through the FlinkDeployment
 * status subresource.
 */
class PipelineLifecycleIT {
  @RegisterExtension
  static final RealCluster cluster = new RealCluster();

  private static final String NAME = TestPipelines.NAME;
  /** Long enough for several reconciles: the chart values reschedule one every second. */
  private static final Duration QUIET_WINDOW = Duration.ofSeconds(8);

  private final Pipelines pipelines = new Pipelines(cluster.admin(), TestPipelines.NAMESPACE);

  @AfterEach
  void cleanUp() {
    pipelines.deleteAll();
  }

  @Test
  void createdObjectsPassTheRealSchemasAndAreServerSideApplied() {
    pipelines.createSecrets();
    CdcPipeline created = pipelines.submit(TestPipelines.minimal());

    FlinkDeployment fd = pipelines.awaitFlinkDeployment(NAME);
    assertThat(fd.getSpec().getJob().getArgs()).containsExactly("--config", PipelineConfigFile.PATH);
    assertThat(ownedBy(fd, created)).isTrue();
    assertThat(operations(fd)).as("FlinkDeployment managed fields").contains("Apply");
    ConfigMap cm = pipelines.configMap(NAME);
    assertThat(cm).isNotNull();
    assertThat(ownedBy(cm, created)).isTrue();
    assertThat(PipelineConfigCodec.read(cm.getData().get(PipelineConfigFile.FILE_NAME)).source().slotName())
        .isEqualTo("cdc_data_orders");

    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(NAME);
      assertThat(p.getStatus()).isNotNull();
      assertThat(p.getStatus().observedGeneration()).isEqualTo(p.getMetadata().getGeneration()).isEqualTo(1L);
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
      assertThat(p.getStatus().flinkDeployment()).isEqualTo(NAME);
    });
    assertThat(pipelines.get(NAME).getMetadata().getManagedFields())
        .as("status written through the status subresource by server-side apply")
        .anySatisfy(m -> {
          assertThat(m.getOperation()).isEqualTo("Apply");
          assertThat(m.getSubresource()).isEqualTo("status");
        });
  }

  @Test
  void specChangePropagatesAndThenNothingIsWrittenAgain() {
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());
    pipelines.awaitFlinkDeployment(NAME);

    // One change for each dependent: parallelism goes into the FlinkDeployment (server-side apply),
    // the table list into the job's config file (the ConfigMap, which java-operator-sdk updates with PUT).
    pipelines.change(NAME, p -> TestPipelines.with(TestPipelines.with(p, "spec.job.parallelism", 3),
        "spec.source.postgres.tables", List.of("public.orders", "public.customers")));

    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.flinkDeployment(NAME).getSpec().getJob().getParallelism()).isEqualTo(3);
      assertThat(PipelineConfigCodec.read(pipelines.configMap(NAME).getData().get(PipelineConfigFile.FILE_NAME))
          .source().tables()).containsExactly("public.orders", "public.customers");
      CdcPipeline p = pipelines.get(NAME);
      assertThat(p.getMetadata().getGeneration()).isEqualTo(2L);
      assertThat(p.getStatus().observedGeneration()).isEqualTo(2L);
    });
    assertQuiet();
  }

  @Test
  void conditionsFollowTheFlinkDeploymentStatus() {
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());
    pipelines.awaitFlinkDeployment(NAME);

    pipelines.playFlinkOperator(NAME, FlinkOperatorDouble::deployedAndRunning);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.condition(NAME, ConditionTypes.READY).status()).isEqualTo("True");
      CdcPipeline p = pipelines.get(NAME);
      assertThat(p.getStatus().jobState()).isEqualTo("RUNNING");
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Running);
      assertThat(p.getStatus().observedGeneration()).isEqualTo(p.getMetadata().getGeneration());
    });

    pipelines.playFlinkOperator(NAME, f -> f.jobFailed(FlinkOperatorDouble.jobError(
        "org.apache.flink.runtime.JobException", "Recovery is suppressed by NoRestartBackoffTimeStrategy")));
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      Condition ready = pipelines.condition(NAME, ConditionTypes.READY);
      assertThat(ready.status()).isEqualTo("False");
      assertThat(ready.reason()).isEqualTo(Reasons.JOB_FAILED);
      assertThat(ready.message()).isEqualTo("Recovery is suppressed by NoRestartBackoffTimeStrategy");
      assertThat(pipelines.get(NAME).getStatus().phase()).isEqualTo(Phase.Failed);
    });
    // Events are created by the ServiceAccount and validated by the real server (the operator only logs a refusal).
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> assertThat(events())
        .extracting(Event::getReason).contains(Reasons.RUNNING, Reasons.JOB_FAILED));
    assertQuiet();
  }

  @Test
  void suspendAndResume() {
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());
    pipelines.awaitFlinkDeployment(NAME);
    pipelines.playFlinkOperator(NAME, FlinkOperatorDouble::deployedAndRunning);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() ->
        assertThat(pipelines.get(NAME).getStatus().phase()).isEqualTo(Phase.Running));

    pipelines.change(NAME, p -> TestPipelines.with(p, "spec.job.suspend", true));
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.flinkDeployment(NAME).getSpec().getJob().getState()).isEqualTo(JobState.SUSPENDED);
      assertThat(pipelines.get(NAME).getStatus().phase()).isEqualTo(Phase.Suspended);
    });
    // The Flink operator stops the job with a savepoint and records the suspend.
    pipelines.playFlinkOperator(NAME, FlinkOperatorDouble::specReconciled);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(NAME);
      assertThat(p.getStatus().lifecycleState()).isEqualTo("SUSPENDED");
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Suspended);
    });

    pipelines.change(NAME, p -> TestPipelines.with(p, "spec.job.suspend", false));
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() ->
        assertThat(pipelines.flinkDeployment(NAME).getSpec().getJob().getState()).isEqualTo(JobState.RUNNING));
    // The Flink operator restores the job from that savepoint.
    pipelines.playFlinkOperator(NAME, FlinkOperatorDouble::specReconciled);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(NAME);
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
      assertThat(p.getStatus().observedGeneration()).isEqualTo(3L);
    });
    assertQuiet();
  }

  @Test
  void deletingThePipelineRemovesItsObjects() {
    pipelines.createSecrets();
    CdcPipeline created = pipelines.submit(TestPipelines.minimal());
    pipelines.awaitFlinkDeployment(NAME);
    await().atMost(Pipelines.TIMEOUT).until(() -> pipelines.configMap(NAME) != null);
    assertThat(ownedBy(pipelines.configMap(NAME), created)).isTrue();

    cluster.admin().resource(pipelines.get(NAME)).delete();

    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      assertThat(pipelines.get(NAME)).as("pipeline (finalizer removed)").isNull();
      // The operator deletes the FlinkDeployment itself before it drops the slot.
      assertThat(pipelines.flinkDeployment(NAME)).as("FlinkDeployment").isNull();
    });
    if (cluster.controlPlane().collectsGarbage()) {
      await().atMost(Pipelines.TIMEOUT).untilAsserted(() ->
          assertThat(pipelines.configMap(NAME)).as("ConfigMap, garbage-collected").isNull());
    } else {
      System.out.println("no kube-controller-manager: the ConfigMap's owner reference was checked, not its collection");
    }
  }

  /**
   * No update loop: over a window with a reconcile every second, neither the pipeline nor what it
   * owns gets a new resourceVersion. The audit log proves that reconciles did run meanwhile (each
   * reads the credentials Secrets).
   */
  private void assertQuiet() {
    await().atMost(Pipelines.TIMEOUT).until(() -> {
      CdcPipeline p = pipelines.get(NAME);
      return p.getStatus() != null && p.getMetadata().getGeneration().equals(p.getStatus().observedGeneration());
    });
    // Let the last write's own watch event be reconciled.
    Sleep.millis(2_000);
    List<String> before = versions();
    long readsBefore = secretReads();

    Sleep.millis(QUIET_WINDOW.toMillis());

    assertThat(versions()).as("resourceVersions of pipeline, FlinkDeployment, ConfigMap").isEqualTo(before);
    assertThat(secretReads() - readsBefore).as("reconciles during the window (Secret reads)").isGreaterThanOrEqualTo(4);
  }

  private List<String> versions() {
    return List.of(pipelines.get(NAME).getMetadata().getResourceVersion(),
        pipelines.flinkDeployment(NAME).getMetadata().getResourceVersion(),
        pipelines.configMap(NAME).getMetadata().getResourceVersion());
  }

  private long secretReads() {
    return cluster.controlPlane().audit().requestsOf(cluster.serviceAccount().username()).stream()
        .filter(r -> r.resource().equals("core/secrets") && r.verb().equals("get")).count();
  }

  private List<Event> events() {
    return cluster.admin().v1().events().inNamespace(TestPipelines.NAMESPACE).list().getItems();
  }

  private static boolean ownedBy(HasMetadata owned, CdcPipeline owner) {
    List<OwnerReference> refs = owned.getMetadata().getOwnerReferences();
    return refs.size() == 1 && refs.get(0).getUid().equals(owner.getMetadata().getUid())
        && Boolean.TRUE.equals(refs.get(0).getController()) && Boolean.TRUE.equals(refs.get(0).getBlockOwnerDeletion());
  }

  private static List<String> operations(HasMetadata object) {
    return object.getMetadata().getManagedFields().stream().map(ManagedFieldsEntry::getOperation).toList();
  }
}
