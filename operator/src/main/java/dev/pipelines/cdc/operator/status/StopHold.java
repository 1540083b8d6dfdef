package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a job that stopped itself for a reason a new start cannot fix (a refused row, a TRUNCATE, a
 * source that is not as the job needs it), so that it does not crash loop slowly: the Flink
 * Kubernetes Operator redeploys every FAILED job from its last checkpoint
 * ({@code kubernetes.operator.job.restart.failed}, which the ADD/DROP COLUMN stop relies on), and
 * for a refused row or a TRUNCATE that start replays the same change and fails again. While held,
 * the desired FlinkDeployment is suspended; a change to the CdcPipeline's spec (a new generation,
 * e.g. after fixing the cause) lets it run again. Pure: spec generation, previous status and the
 * FlinkDeployment's observation decide.
 */
public final class StopHold {
  /**
   * Stops a new start from the same checkpoint only repeats (condition reasons). SchemaChanged is not
   * one: the new start adapts. JobStopped is a stop whose marker the Flink operator did not keep.
   */
  static final Set<String> HELD = Set.of(JobStopReason.ROW_REJECTED.reason(),
      JobStopReason.TRUNCATE_NOT_REPLICATED.reason(), JobStopReason.SOURCE_NOT_READY.reason(), Reasons.JOB_STOPPED);

  /** Appended to a RowRejected stop's message in the JobRunning condition (and stripped to recover it). */
  static final String HOW_TO_RESUME = " [The operator holds the job suspended, so that it does not fail again"
      + " on the same row. After fixing the cause, change the CdcPipeline's spec to run it again from its"
      + " last checkpoint, e.g. set spec.job.suspend to true and then back to false.]";
  /** Appended to a TruncateNotReplicated stop's message: the way on is in the message itself. */
  static final String HOW_TO_GO_ON = " [The operator holds the job suspended: a start from its checkpoint would"
      + " stop at the same TRUNCATE again. Follow the steps above.]";

  /**
   * Appended to a SourceNotReady stop's message: the source (a slot, a privilege, a table, the
   * publication) must be fixed first, and the message says how, and whether from the checkpoint.
   */
  static final String HOW_TO_FIX_SOURCE = " [The operator holds the job suspended: a new start would meet the same"
      + " source and stop again. Fix it as the message says, then change the CdcPipeline's spec to run it again, e.g."
      + " set spec.job.suspend to true and then back to false.]";

  private StopHold() {}

  /**
   * The stop being held.
   *
   * @param reason the JobRunning condition's reason (a {@link JobStopReason}'s, or JobStopped)
   * @param message the job's message (without the operator's note on how to go on)
   */
  public record Held(String reason, String message) {}

  /**
   * @param generation the CdcPipeline's metadata.generation
   * @param previous its status as last written
   * @param job the FlinkDeployment as observed, if there is one
   */
  public static Optional<Held> of(long generation, CdcPipelineStatus previous, Optional<FlinkJobObservation> job) {
    // A new failure: the FlinkDeployment runs the spec we asked for, and its error carries the stop.
    // (An error on a deployment we suspended, or one the Flink operator has not reconciled since a
    // spec change, is from before: the Flink operator clears the error when it reconciles a spec.)
    Optional<Held> fresh = job
        .filter(j -> j.specRunning() && j.caughtUp())
        .flatMap(StopHold::stopOf);
    if (fresh.isPresent()) {
      return fresh;
    }
    // Held already, for this generation of the spec: the hold lasts until the spec changes.
    return Optional.ofNullable(previous)
        .flatMap(p -> Conditions.find(p.conditions(), ConditionTypes.JOB_RUNNING))
        .filter(c -> c.observedGeneration() != null && c.observedGeneration() == generation)
        .flatMap(StopHold::heldBy);
  }

  private static Optional<Held> stopOf(FlinkJobObservation job) {
    if (job.stop().isPresent()) {
      JobStopReason.Found found = job.stop().get();
      return HELD.contains(found.reason().reason())
          ? Optional.of(new Held(found.reason().reason(), found.message())) : Optional.empty();
    }
    if (job.stoppedWithoutMarker()) {
      return Optional.of(new Held(Reasons.JOB_STOPPED, "the job stopped itself without restarts (Flink: "
          + job.error() + "), most likely on a row StarRocks refused, but the Flink Kubernetes Operator kept too"
          + " few of the failure's causes to say which: its JobManager log has the line starting with [RowRejected]"
          + " (table, column, key); set kubernetes.operator.exception.throwable.list.max.count: 5 in the Flink"
          + " operator's configuration to see it here"));
    }
    return Optional.empty();
  }

  /** The condition text for a held stop. */
  static String conditionMessage(Held held) {
    return held.message() + suffix(held.reason());
  }

  private static String suffix(String reason) {
    if (JobStopReason.TRUNCATE_NOT_REPLICATED.reason().equals(reason)) {
      return HOW_TO_GO_ON;
    }
    return JobStopReason.SOURCE_NOT_READY.reason().equals(reason) ? HOW_TO_FIX_SOURCE : HOW_TO_RESUME;
  }

  private static Optional<Held> heldBy(Condition jobRunning) {
    return Optional.ofNullable(jobRunning.reason())
        .filter(HELD::contains)
        .map(r -> new Held(r, jobRunning.message() == null ? "" : stripSuffix(jobRunning.message(), suffix(r))));
  }

  private static String stripSuffix(String message, String suffix) {
    return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
  }
}
