package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.FlinkStatuses;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Conditions;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.validation.TransformChange;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator, in-process, against the fabric8 mock API server in CRUD mode. The Flink
 * Kubernetes Operator is played by {@link FlinkOperatorDouble}: the FlinkDeployment status its 1.10
 * writes at each step.
 */
@EnableKubernetesMockClient(crud = true)
class CdcPipelineReconcilerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  static KubernetesClient client;
  private static Operator operator;

  @BeforeAll
  static void startOperator() {
    operator = MockServerOperator.start(client, FakeDatabases.allReady(), new SlotMetrics());
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @AfterEach
  void cleanUp() {
    // The pipelines first, and only once they are gone the objects the operator makes from them: a
    // reconcile of a pipeline still under way would otherwise make its FlinkDeployment again after it was
    // deleted, and the next test (same names) found it (seen once in CI, missingSecretBlocksDeployment...).
    client.resources(CdcPipeline.class).inAnyNamespace().delete();
    await().atMost(TIMEOUT).until(() -> client.resources(CdcPipeline.class).inAnyNamespace().list().getItems().isEmpty());
    client.resources(FlinkDeployment.class).inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.secrets().inAnyNamespace().delete();
    await().atMost(TIMEOUT).until(() -> client.resources(FlinkDeployment.class).inAnyNamespace().list().getItems()
        .isEmpty() && client.configMaps().inAnyNamespace().list().getItems().isEmpty());
  }

  @Test
  void createWritesFlinkDeploymentAndConfigMap() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();

    FlinkDeployment fd = awaitFlinkDeployment();
    assertThat(fd.getSpec().getImage()).isEqualTo("cdc-pipelines/pipeline-job:test");
    assertThat(fd.getSpec().getJob().getArgs()).containsExactly("--config", PipelineConfigFile.PATH);
    assertThat(fd.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("CdcPipeline"));
    ConfigMap cm = client.configMaps().inNamespace(TestPipelines.NAMESPACE).withName("orders-pipeline-config").get();
    assertThat(PipelineConfigCodec.read(cm.getData().get(PipelineConfigFile.FILE_NAME)).source().slotName())
        .isEqualTo("cdc_data_orders");
    await().atMost(TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipeline();
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
      assertThat(p.getStatus().observedGeneration()).isEqualTo(p.getMetadata().getGeneration());
      assertThat(p.getStatus().flinkDeployment()).isEqualTo("orders");
    });
  }

  @Test
  void specChangePropagatesToTheFlinkDeployment() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    awaitFlinkDeployment();

    change(p -> TestPipelines.with(p, "spec.job.parallelism", 3));

    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(awaitFlinkDeployment().getSpec().getJob().getParallelism()).isEqualTo(3));
  }

  @Test
  void flinkJobStateDrivesConditions() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    awaitFlinkDeployment();

    playFlinkOperator(FlinkOperatorDouble::deployedAndRunning);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(ready().status()).isEqualTo("True");
      assertThat(pipeline().getStatus().jobState()).isEqualTo("RUNNING");
      assertThat(pipeline().getStatus().lifecycleState()).isEqualTo("STABLE");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Running);
    });

    playFlinkOperator(f -> f.jobFailed(FlinkOperatorDouble.jobError("org.apache.flink.runtime.JobException",
        "Recovery is suppressed by NoRestartBackoffTimeStrategy")));
    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition ready = ready();
      assertThat(ready.status()).isEqualTo("False");
      assertThat(ready.reason()).isEqualTo(Reasons.JOB_FAILED);
      assertThat(ready.message()).isEqualTo("Recovery is suppressed by NoRestartBackoffTimeStrategy");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Failed);
    });
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events())
        .extracting(Event::getReason).contains(Reasons.RUNNING, Reasons.JOB_FAILED));

    // kubernetes.operator.job.restart.failed: the Flink operator redeploys it, and it runs again.
    playFlinkOperator(FlinkOperatorDouble::failedJobRestarted);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Deploying));
    playFlinkOperator(FlinkOperatorDouble::jobRunning);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ready().status()).isEqualTo("True"));
  }

  /** A JobManager that cannot start (here its image): the Flink operator's ERROR is a failure, with its message. */
  @Test
  void aJobManagerThatCannotStartIsAFailure() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    awaitFlinkDeployment();

    playFlinkOperator(f -> f.firstReconcile().jobManagerFailed("ImagePullBackOff",
        "Back-off pulling image \"cdc-pipelines/pipeline-job:test\""));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition ready = ready();
      assertThat(ready.reason()).isEqualTo(Reasons.JOB_FAILED);
      assertThat(ready.message()).isEqualTo("Back-off pulling image \"cdc-pipelines/pipeline-job:test\"");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Failed);
    });
  }

  /**
   * A refused row: the operator holds the job suspended (the Flink operator would only redeploy it
   * into the same failure) until the spec changes. The Flink operator reports the failure for the
   * FlinkDeployment's current generation; a later spec is not reconciled yet.
   */
  @Test
  void aRefusedRowHoldsTheJobSuspendedUntilTheSpecChanges() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    awaitFlinkDeployment();
    String stop = "table public.orders (StarRocks dw.orders), column note, key id=7: StarRocks refused the load";

    playFlinkOperator(f -> f.deployedAndRunning().jobFailed(FlinkStatuses.stoppedJobError("[RowRejected] " + stop)));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(awaitFlinkDeployment().getSpec().getJob().getState()).isEqualTo(JobState.SUSPENDED);
      Condition ready = ready();
      assertThat(ready.reason()).isEqualTo(Reasons.ROW_REJECTED);
      assertThat(ready.message()).startsWith(stop).contains("set spec.job.suspend to true and then back to false");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Failed);
    });
    // (The Flink operator's recording of the suspend is not played here: the mock server's update of the
    // FlinkDeployment replaces its status, which a real API server keeps. PipelineLifecycleIT plays it.)

    change(p -> TestPipelines.with(p, "spec.job.parallelism", 2));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      FlinkDeployment released = awaitFlinkDeployment();
      assertThat(released.getSpec().getJob().getState()).isEqualTo(JobState.RUNNING);
      assertThat(released.getSpec().getJob().getParallelism()).isEqualTo(2);
      assertThat(ready().reason()).isNotEqualTo(Reasons.ROW_REJECTED);
    });
  }

  @Test
  void missingSecretBlocksDeploymentUntilItAppears() {
    client.resource(fresh(TestPipelines.minimal())).create();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition ready = ready();
      assertThat(ready.reason()).isEqualTo(Reasons.SECRET_NOT_FOUND);
      assertThat(ready.message()).contains("data/pg-cdc", "data/starrocks-loader");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Pending);
    });
    assertThat(client.resources(FlinkDeployment.class).inNamespace(TestPipelines.NAMESPACE).withName("orders").get()).isNull();
    assertThat(client.configMaps().inNamespace(TestPipelines.NAMESPACE).withName("orders-pipeline-config").get()).isNull();

    createSecrets();
    awaitFlinkDeployment();
  }

  @Test
  void suspendSetsTheFlinkJobStateSuspended() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    awaitFlinkDeployment();

    change(p -> TestPipelines.with(p, "spec.job.suspend", true));

    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(awaitFlinkDeployment().getSpec().getJob().getState()).isEqualTo(JobState.SUSPENDED));
  }

  @Test
  void invalidChangeLeavesTheLastGoodFlinkDeploymentAlone() {
    createSecrets();
    client.resource(fresh(TestPipelines.minimal())).create();
    FlinkDeployment good = awaitFlinkDeployment();

    change(p -> TestPipelines.with(p, "spec.job.checkpointInterval", "10ms"));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition valid = Conditions.find(pipeline().getStatus().conditions(), ConditionTypes.SPEC_VALID).orElseThrow();
      assertThat(valid.status()).isEqualTo("False");
      assertThat(valid.message()).contains("spec.job.checkpointInterval");
      assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Invalid);
      assertThat(pipeline().getStatus().observedGeneration()).isEqualTo(2L);
    });
    FlinkDeployment after = awaitFlinkDeployment();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(good.getMetadata().getResourceVersion());
    assertThat(after.getSpec().getFlinkConfiguration()).containsEntry("execution.checkpointing.interval", "30s");
  }

  @Test
  void aTransformChangedUnderARunningJobIsRefusedAndMoreExcludedColumnsAreTaken() {
    createSecrets();
    client.resource(fresh(TestPipelines.with(TestPipelines.minimal(), "spec.transforms", List.of(Map.of(
        "tables", List.of("public.orders"), "columns", Map.of("exclude", List.of("card_number"))))))).create();
    FlinkDeployment good = awaitFlinkDeployment();
    ConfigMap first = client.configMaps().inNamespace(TestPipelines.NAMESPACE).withName("orders-pipeline-config").get();
    assertThat(first.getMetadata().getAnnotations()).containsKey(TransformChange.ANNOTATION);

    change(p -> TestPipelines.with(p, "spec.transforms", List.of(Map.of("tables", List.of("public.orders"),
        "filter", "id > 100", "columns", Map.of("exclude", List.of("card_number"))))));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition valid = Conditions.find(pipeline().getStatus().conditions(), ConditionTypes.SPEC_VALID).orElseThrow();
      assertThat(valid.status()).isEqualTo("False");
      assertThat(valid.message()).startsWith("spec.transforms: changed since the job started with");
      assertThat(pipeline().getStatus().observedGeneration()).isEqualTo(2L);
    });
    assertThat(awaitFlinkDeployment().getMetadata().getResourceVersion()).isEqualTo(good.getMetadata().getResourceVersion());

    change(p -> TestPipelines.with(p, "spec.transforms", List.of(Map.of("tables", List.of("public.orders"),
        "columns", Map.of("exclude", List.of("card_number", "email"))))));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition valid = Conditions.find(pipeline().getStatus().conditions(), ConditionTypes.SPEC_VALID).orElseThrow();
      assertThat(valid.status()).isEqualTo("True");
      ConfigMap cm = client.configMaps().inNamespace(TestPipelines.NAMESPACE).withName("orders-pipeline-config").get();
      assertThat(PipelineConfigCodec.read(cm.getData().get(PipelineConfigFile.FILE_NAME)).transforms())
          .singleElement().satisfies(t -> assertThat(t.columns().exclude()).containsExactly("card_number", "email"));
    });
  }

  private static void createSecrets() {
    for (String name : new String[] {"pg-cdc", "starrocks-loader"}) {
      client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(TestPipelines.NAMESPACE)
          .endMetadata().withStringData(Map.of("username", "u", "password", "p")).build()).create();
    }
  }

  /** A pipeline as a user would submit it: no uid, generation or status. */
  private static CdcPipeline fresh(CdcPipeline p) {
    p.getMetadata().setUid(null);
    p.getMetadata().setGeneration(null);
    p.setStatus(null);
    return p;
  }

  private static void change(UnaryOperator<CdcPipeline> edit) {
    TestPipelines.change(client, TestPipelines.NAMESPACE, TestPipelines.NAME, edit);
  }

  private static CdcPipeline pipeline() {
    return client.resources(CdcPipeline.class).inNamespace(TestPipelines.NAMESPACE).withName(TestPipelines.NAME).get();
  }

  private static Condition ready() {
    CdcPipeline p = pipeline();
    assertThat(p.getStatus()).as("status").isNotNull();
    return Conditions.find(p.getStatus().conditions(), ConditionTypes.READY).orElseThrow();
  }

  private static FlinkDeployment awaitFlinkDeployment() {
    return await().atMost(TIMEOUT).until(
        () -> client.resources(FlinkDeployment.class).inNamespace(TestPipelines.NAMESPACE).withName("orders").get(),
        fd -> fd != null);
  }

  private static java.util.List<Event> events() {
    return client.v1().events().inNamespace(TestPipelines.NAMESPACE).list().getItems();
  }

  /** Plays the Flink Kubernetes Operator 1.10 on the FlinkDeployment as it is now, and writes the status it ends with. */
  private static void playFlinkOperator(UnaryOperator<FlinkOperatorDouble> steps) {
    FlinkDeployment fd = awaitFlinkDeployment();
    client.resource(steps.apply(FlinkOperatorDouble.on(fd)).deployment()).updateStatus();
  }
}
