package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.FlinkStatuses;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.Test;

/**
 * The job's stops in the CdcPipeline's status, and the hold that keeps a job the Flink operator
 * would only redeploy into the same failure suspended until the spec changes.
 */
class StopHoldTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final CredentialsCheck CREDS_OK = new CredentialsCheck(true, Reasons.SECRETS_FOUND, "ok");
  private static final String ROW_STOP = "table shop.orders (StarRocks dw.orders), column note, key id=1000:"
      + " StarRocks refused the load (too many filtered rows): NULL value in non-nullable column 'note'";

  /**
   * The Flink operator 1.10 (FlinkOperatorDouble) reports the job FAILED with {@code error} for the
   * FlinkDeployment's spec at {@code generation}: observedGeneration = generation.
   */
  static FlinkDeployment failedAt(long generation, String error) {
    FlinkDeployment fd = FlinkJobObservationTest.ours();
    fd.getMetadata().setGeneration(generation);
    return FlinkOperatorDouble.on(fd).deployedAndRunning().jobFailed(error).deployment();
  }

  /** Our operator changed the spec (suspended it, or anything else) after the failure; the Flink operator has not reconciled it yet. */
  static FlinkDeployment changedAfterFailure(long generation, JobState specState, String error) {
    FlinkDeployment fd = failedAt(generation - 1, error);
    fd.getSpec().getJob().setState(specState);
    fd.getSpec().getJob().setParallelism(fd.getSpec().getJob().getParallelism() + 1);
    fd.getMetadata().setGeneration(generation);
    return fd;
  }

  /** The failed job suspended by our operator at {@code generation}, and that suspend reconciled: the error is gone. */
  static FlinkDeployment suspendedAt(long generation) {
    FlinkDeployment fd = changedAfterFailure(generation, JobState.SUSPENDED,
        FlinkStatuses.stoppedJobError(JobStopReason.ROW_REJECTED.message(ROW_STOP)));
    return FlinkOperatorDouble.on(fd).specReconciled().deployment();
  }

  @Test
  void theStopsReasonAndMessageAreFoundAmongTheCausesTheFlinkOperatorKept() {
    FlinkJobObservation seen = FlinkJobObservation.of(failedAt(3,
        FlinkStatuses.stoppedJobError(JobStopReason.ROW_REJECTED.message(ROW_STOP))));

    assertThat(seen.error()).isEqualTo("The failure is not recoverable");
    assertThat(seen.stop()).contains(new JobStopReason.Found(JobStopReason.ROW_REJECTED, ROW_STOP));
    assertThat(seen.caughtUp()).isTrue();
    assertThat(seen.specRunning()).isTrue();
  }

  @Test
  void aRefusedRowHoldsTheJobAndTheConditionSaysWhyAndHowToResume() {
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3,
        FlinkStatuses.stoppedJobError(JobStopReason.ROW_REJECTED.message(ROW_STOP))));

    Optional<StopHold.Held> held = StopHold.of(2, null, Optional.of(failed));
    CdcPipelineStatus s = StatusFactory.build(null, seen(2, failed, held), T0);

    assertThat(held).contains(new StopHold.Held("RowRejected", ROW_STOP));
    Condition jobRunning = Conditions.find(s.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow();
    assertThat(jobRunning.status()).isEqualTo("False");
    assertThat(jobRunning.reason()).isEqualTo("RowRejected");
    assertThat(jobRunning.message()).startsWith(ROW_STOP).contains("set spec.job.suspend to true and then back to false");
    assertThat(Conditions.find(s.conditions(), ConditionTypes.READY).orElseThrow().reason()).isEqualTo("RowRejected");
    assertThat(s.phase()).isEqualTo(Phase.Failed);
  }

  @Test
  void aSourceThatIsNotAsTheJobNeedsItHoldsTheJobUntilFixed() {
    String stop = "public.orders was removed from publication pub while the pipeline ran; as its owner run ALTER"
        + " PUBLICATION pub ADD TABLE public.orders; then start the pipeline without its checkpoint (a new snapshot)";
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3,
        FlinkStatuses.stoppedJobError(JobStopReason.SOURCE_NOT_READY.message(stop))));

    Optional<StopHold.Held> held = StopHold.of(2, null, Optional.of(failed));
    CdcPipelineStatus s = StatusFactory.build(null, seen(2, failed, held), T0);

    assertThat(held).contains(new StopHold.Held("SourceNotReady", stop));
    Condition jobRunning = Conditions.find(s.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow();
    assertThat(jobRunning.reason()).isEqualTo("SourceNotReady");
    assertThat(jobRunning.message()).isEqualTo(stop + " [The operator holds the job suspended: a new start would meet"
        + " the same source and stop again. Fix it as the message says, then change the CdcPipeline's spec to run it"
        + " again, e.g. set spec.job.suspend to true and then back to false.]");
    assertThat(s.phase()).isEqualTo(Phase.Failed);
  }

  /** Once suspended, the FlinkDeployment may no longer show the error: the status remembers the hold. */
  @Test
  void theHoldLastsForTheSameGenerationAndEndsWithASpecChange() {
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3,
        FlinkStatuses.stoppedJobError(JobStopReason.TRUNCATE_NOT_REPLICATED.message("table public.orders was truncated"))));
    CdcPipelineStatus heldStatus = StatusFactory.build(null, seen(2, failed, StopHold.of(2, null, Optional.of(failed))), T0);
    // The Flink operator suspended the job and cleared its error.
    FlinkJobObservation suspended = FlinkJobObservation.of(suspendedAt(4));

    Optional<StopHold.Held> stillHeld = StopHold.of(2, heldStatus, Optional.of(suspended));
    CdcPipelineStatus again = StatusFactory.build(heldStatus, seen(2, suspended, stillHeld), T0);

    assertThat(stillHeld).contains(new StopHold.Held("TruncateNotReplicated",
        "table public.orders was truncated"));
    assertThat(Conditions.find(again.conditions(), ConditionTypes.JOB_RUNNING))
        .as("the held condition, unchanged").isEqualTo(Conditions.find(heldStatus.conditions(), ConditionTypes.JOB_RUNNING));
    assertThat(Conditions.find(again.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow().message())
        .isEqualTo("table public.orders was truncated [The operator holds the job suspended: a start from its"
            + " checkpoint would stop at the same TRUNCATE again. Follow the steps above.]");
    assertThat(StopHold.of(3, heldStatus, Optional.of(suspended))).as("after a spec change").isEmpty();
  }

  /**
   * Released by a spec change: the old error on the deployment we suspended, or on one the Flink
   * operator has not reconciled since, must not hold it again.
   */
  @Test
  void anOldErrorDoesNotHoldAgainAfterTheRelease() {
    String error = FlinkStatuses.stoppedJobError(JobStopReason.ROW_REJECTED.message(ROW_STOP));

    assertThat(StopHold.of(3, null, Optional.of(FlinkJobObservation.of(changedAfterFailure(4, JobState.SUSPENDED, error)))))
        .as("error on the suspended deployment").isEmpty();
    assertThat(StopHold.of(3, null, Optional.of(FlinkJobObservation.of(changedAfterFailure(5, JobState.RUNNING, error)))))
        .as("error from before the Flink operator reconciled the running spec").isEmpty();
    assertThat(StopHold.of(3, null, Optional.of(FlinkJobObservation.of(failedAt(5, error)))))
        .as("the same row refused again after the release").isPresent();
  }

  /** ADD/DROP COLUMN: the Flink operator's redeploy is the way on, so it is shown but not held. */
  @Test
  void aSchemaChangeIsShownButNotHeld() {
    String message = "table shop.orders changed while the job ran: new columns [tier]";
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3,
        FlinkStatuses.stoppedJobError(JobStopReason.SCHEMA_CHANGED.message(message))));

    Optional<StopHold.Held> held = StopHold.of(2, null, Optional.of(failed));
    CdcPipelineStatus s = StatusFactory.build(null, seen(2, failed, held), T0);

    assertThat(held).isEmpty();
    Condition jobRunning = Conditions.find(s.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow();
    assertThat(jobRunning.reason()).isEqualTo("SchemaChanged");
    assertThat(jobRunning.message()).isEqualTo(message);
  }

  /**
   * The Flink operator's default keeps 2 causes; a refused row found during a checkpoint is the
   * fourth (JobException <- IOException <- CheckpointException <- SuppressRestartsException <- stop,
   * measured in PipelineStopsIT): Flink's own message still says the failure is not recoverable.
   */
  @Test
  void aStopWhoseMarkerTheFlinkOperatorDidNotKeepIsHeldAsJobStopped() {
    String error = "{\"type\":\"org.apache.flink.runtime.JobException\",\"message\":\"The failure is not"
        + " recoverable\",\"throwableList\":[{\"type\":\"java.io.IOException\",\"message\":\"Could not perform"
        + " checkpoint 7 for operator Sink: starrocks-sink (1/2)#0.\"},{\"type\":"
        + "\"org.apache.flink.runtime.checkpoint.CheckpointException\",\"message\":\"Could not complete snapshot 7"
        + " for operator Sink: starrocks-sink (1/2)#0. Failure reason: Checkpoint was declined.\"}]}";
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3, error));

    Optional<StopHold.Held> held = StopHold.of(2, null, Optional.of(failed));
    CdcPipelineStatus s = StatusFactory.build(null, seen(2, failed, held), T0);

    assertThat(held).hasValueSatisfying(h -> assertThat(h.reason()).isEqualTo(Reasons.JOB_STOPPED));
    Condition jobRunning = Conditions.find(s.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow();
    assertThat(jobRunning.reason()).isEqualTo("JobStopped");
    assertThat(jobRunning.message()).contains("kubernetes.operator.exception.throwable.list.max.count")
        .contains("[RowRejected]").endsWith(StopHold.HOW_TO_RESUME);
    assertThat(s.phase()).isEqualTo(Phase.Failed);
    assertThat(StopHold.of(2, s, Optional.of(FlinkJobObservation.of(suspendedAt(4)))))
        .as("held until the spec changes").isPresent();
  }

  @Test
  void aFailureWithoutAMarkerStaysJobFailed() {
    FlinkJobObservation failed = FlinkJobObservation.of(failedAt(3,
        "{\"type\":\"java.net.ConnectException\",\"message\":\"Connection refused\",\"throwableList\":[]}"));

    assertThat(StopHold.of(2, null, Optional.of(failed))).isEmpty();
    CdcPipelineStatus s = StatusFactory.build(null, seen(2, failed, Optional.empty()), T0);
    assertThat(Conditions.find(s.conditions(), ConditionTypes.JOB_RUNNING).orElseThrow().reason())
        .isEqualTo(Reasons.JOB_FAILED);
  }

  @Test
  void theConditionReasonsAreTheSharedContractsReasons() {
    assertThat(List.of(Reasons.ROW_REJECTED, Reasons.TRUNCATE_NOT_REPLICATED, Reasons.SCHEMA_CHANGED))
        .containsExactly(JobStopReason.ROW_REJECTED.reason(), JobStopReason.TRUNCATE_NOT_REPLICATED.reason(),
            JobStopReason.SCHEMA_CHANGED.reason());
  }

  private static Observation seen(long generation, FlinkJobObservation job, Optional<StopHold.Held> held) {
    return new Observation(generation, List.of(), Optional.of(CREDS_OK), Optional.of(FakeDatabases.passed()),
        Optional.of(job), false, held);
  }
}
