package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.desired.FlinkDeploymentFactory;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.Test;

/** What our operator reads of the statuses the Flink Kubernetes Operator 1.10 writes (played by FlinkOperatorDouble). */
class FlinkJobObservationTest {

  @Test
  void readsJobStateLifecycleAndTheMessageOfAJsonError() {
    FlinkDeployment fd = FlinkOperatorDouble.on(ours()).deployedAndRunning()
        .jobFailed(FlinkOperatorDouble.jobError("org.apache.flink.runtime.JobException", "Recovery is suppressed"))
        .deployment();

    FlinkJobObservation seen = FlinkJobObservation.of(fd);

    assertThat(seen).isEqualTo(new FlinkJobObservation("orders", "FAILED", "FAILED", "Recovery is suppressed"));
    assertThat(seen.failed()).isTrue();
    assertThat(seen.running()).isFalse();
  }

  @Test
  void aRunningJobIsRunningAndStable() {
    FlinkJobObservation seen = FlinkJobObservation.of(FlinkOperatorDouble.on(ours()).deployedAndRunning().deployment());

    assertThat(seen).isEqualTo(new FlinkJobObservation("orders", "RUNNING", "STABLE", null));
    assertThat(seen.running()).isTrue();
  }

  /** Restarted by kubernetes.operator.job.restart.failed: the error is gone, the job is being deployed. */
  @Test
  void aRestartedJobIsNeitherFailedNorRunning() {
    FlinkJobObservation seen = FlinkJobObservation.of(FlinkOperatorDouble.on(ours()).deployedAndRunning()
        .jobFailed(FlinkOperatorDouble.jobError("java.io.IOException", "boom")).failedJobRestarted().deployment());

    assertThat(seen.failed()).isFalse();
    assertThat(seen.running()).isFalse();
    assertThat(seen.error()).isNull();
    assertThat(seen.jobState()).isEqualTo("RECONCILING");
  }

  /**
   * 1.10 never sets the lifecycle FAILED for a JobManager that cannot start (only a FAILED job, or an
   * error before the first deployment, makes it FAILED): it reports the JobManager deployment ERROR.
   * Before, this showed as Deploying forever.
   */
  @Test
  void aJobManagerThatCannotStartIsFailedWithTheReason() {
    FlinkJobObservation seen = FlinkJobObservation.of(FlinkOperatorDouble.on(ours()).firstReconcile()
        .jobManagerFailed("CrashLoopBackOff", "back-off 5m0s restarting failed container").deployment());

    assertThat(seen.lifecycleState()).isEqualTo("DEPLOYED");
    assertThat(seen.jobState()).isEqualTo("RECONCILING");
    assertThat(seen.failed()).isTrue();
    assertThat(seen.error()).isEqualTo("back-off 5m0s restarting failed container");
  }

  @Test
  void aSuspendWithSavepointIsSuspendedWithTheJobFinished() {
    FlinkDeployment fd = ours();
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning();
    fd.getSpec().getJob().setState(JobState.SUSPENDED);
    fd.getMetadata().setGeneration(2L);

    FlinkJobObservation seen = FlinkJobObservation.of(flink.specReconciled().deployment());

    assertThat(seen.lifecycleState()).isEqualTo("SUSPENDED");
    assertThat(seen.jobState()).isEqualTo("FINISHED");
    assertThat(seen.suspended()).isTrue();
    assertThat(seen.failed()).isFalse();
    assertThat(seen.caughtUp()).isTrue();
  }

  /** Created suspended, the FlinkDeployment is never deployed: 1.10 leaves it CREATED. */
  @Test
  void aDeploymentCreatedSuspendedIsSuspended() {
    FlinkDeployment fd = ours();
    fd.getSpec().getJob().setState(JobState.SUSPENDED);

    FlinkJobObservation seen = FlinkJobObservation.of(FlinkOperatorDouble.on(fd).firstReconcile().deployment());

    assertThat(seen.lifecycleState()).isEqualTo("CREATED");
    assertThat(seen.suspended()).isTrue();
    assertThat(seen.running()).isFalse();
  }

  @Test
  void plainTextErrorIsKept() {
    assertThat(FlinkJobObservation.errorMessage("Job Not Found")).isEqualTo("Job Not Found");
    assertThat(FlinkJobObservation.errorMessage(" ")).isNull();
  }

  @Test
  void deploymentWithoutStatusIsNotRunning() {
    FlinkDeployment fd = new FlinkDeployment();
    fd.setMetadata(new ObjectMetaBuilder().withName("orders").build());
    fd.setStatus(null);

    FlinkJobObservation seen = FlinkJobObservation.of(fd);

    assertThat(seen.running()).isFalse();
    assertThat(seen.jobState()).isNull();
  }

  /** The FlinkDeployment our operator writes for the minimal pipeline, as the API server gives it back (generation 1). */
  static FlinkDeployment ours() {
    FlinkDeployment fd = FlinkDeploymentFactory.desired(TestPipelines.minimal(), TestOperatorSettings.settings(), "hash");
    fd.getMetadata().setGeneration(1L);
    return fd;
  }
}
