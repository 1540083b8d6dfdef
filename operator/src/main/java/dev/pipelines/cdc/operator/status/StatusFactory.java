package dev.pipelines.cdc.operator.status;

import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.FALSE;
import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.TRUE;
import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.UNKNOWN;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.validation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Observation → status. Pure: the clock's reading is passed in. */
public final class StatusFactory {
  private StatusFactory() {}

  public static CdcPipelineStatus build(CdcPipelineStatus previous, Observation seen, Instant now) {
    long gen = seen.generation();
    Condition specValid = specValid(seen, gen);
    Condition credentials = credentials(seen, gen);
    Condition sourceReady = PreflightConditions.sourceReady(seen.preflight(), gen);
    Condition sinkReady = PreflightConditions.sinkReady(seen.preflight(), gen);
    Condition jobRunning = jobRunning(seen, gen);
    Optional<Condition> streaming = seen.stream().map(s -> streaming(s, gen));
    List<Condition> parts = new java.util.ArrayList<>(List.of(specValid, credentials, sourceReady, sinkReady,
        jobRunning));
    // A stream known not to have begun is not healthy; one not known (no answer yet) does not block Ready.
    streaming.filter(c -> FALSE.equals(c.status())).ifPresent(parts::add);
    Condition ready = ready(gen, parts);
    List<Condition> next = new java.util.ArrayList<>(List.of(ready, specValid, credentials, sourceReady, sinkReady,
        jobRunning, PreflightConditions.sourceWarnings(seen.preflight(), gen),
        PreflightConditions.slotLagging(seen.preflight(), gen)));
    streaming.ifPresent(next::add);
    List<Condition> conditions =
        Conditions.merge(previous == null ? List.of() : previous.conditions(), next, now);
    Optional<FlinkJobObservation> job = seen.job();
    return new CdcPipelineStatus(
        gen,
        phase(specValid, credentials, List.of(sourceReady, sinkReady), jobRunning, job.isPresent(), seen.suspendRequested()),
        conditions,
        job.map(FlinkJobObservation::name).orElse(null),
        job.map(FlinkJobObservation::jobState).orElse(null),
        job.map(FlinkJobObservation::lifecycleState).orElse(null),
        ready.isTrue() ? null : ready.message(),
        PreflightConditions.sourceStatus(previous == null ? null : previous.source(), seen.preflight()),
        seen.snapshot().map(o -> SnapshotStatusFactory.build(previous == null ? null : previous.snapshot(), o, now))
            .orElse(previous == null ? null : previous.snapshot()));
  }

  /**
   * The previous status with one condition set (e.g. Cleanup while deleting), everything else as
   * it was.
   */
  public static CdcPipelineStatus withCondition(CdcPipelineStatus previous, Condition condition, Instant now) {
    List<Condition> before = previous == null ? List.of() : previous.conditions();
    List<Condition> next = new java.util.ArrayList<>(before.stream().filter(c -> !c.type().equals(condition.type())).toList());
    next.add(condition);
    return new CdcPipelineStatus(
        previous == null ? condition.observedGeneration() : previous.observedGeneration(),
        previous == null ? Phase.Pending : previous.phase(),
        Conditions.merge(before, next, now),
        previous == null ? null : previous.flinkDeployment(),
        previous == null ? null : previous.jobState(),
        previous == null ? null : previous.lifecycleState(),
        previous == null ? null : previous.lastError(),
        previous == null ? null : previous.source(),
        previous == null ? null : previous.snapshot());
  }

  /**
   * The previous status with Ready turned False for a failed reconciliation (other conditions
   * keep what was last observed), so that a stuck pipeline says why.
   */
  public static CdcPipelineStatus withError(CdcPipelineStatus previous, long generation, String error, Instant now) {
    List<Condition> before = previous == null ? List.of() : previous.conditions();
    List<Condition> others = before.stream().filter(c -> !c.type().equals(ConditionTypes.READY)).toList();
    Condition ready = new Condition(ConditionTypes.READY, FALSE, generation, null, Reasons.RECONCILE_ERROR,
        error + " (retrying)");
    List<Condition> next = new java.util.ArrayList<>(others);
    next.add(ready);
    return new CdcPipelineStatus(
        generation,
        previous == null ? Phase.Pending : previous.phase(),
        Conditions.merge(before, next, now),
        previous == null ? null : previous.flinkDeployment(),
        previous == null ? null : previous.jobState(),
        previous == null ? null : previous.lifecycleState(),
        error,
        previous == null ? null : previous.source(),
        previous == null ? null : previous.snapshot());
  }

  private static Condition specValid(Observation seen, long gen) {
    if (seen.violations().isEmpty()) {
      return new Condition(ConditionTypes.SPEC_VALID, TRUE, gen, null, Reasons.VALID, "spec is valid");
    }
    String message =
        seen.violations().stream().map(Violation::toString).collect(Collectors.joining("; "))
            + (seen.job().isPresent() ? " (the running job keeps its last valid spec)" : "");
    return new Condition(ConditionTypes.SPEC_VALID, FALSE, gen, null, Reasons.INVALID_SPEC, message);
  }

  private static Condition credentials(Observation seen, long gen) {
    return seen.credentials()
        .map(c -> new Condition(ConditionTypes.CREDENTIALS_READY, c.ok() ? TRUE : FALSE, gen, null, c.reason(), c.message()))
        .orElse(new Condition(ConditionTypes.CREDENTIALS_READY, UNKNOWN, gen, null, Reasons.NOT_CHECKED,
            "not checked while the spec is invalid"));
  }

  private static Condition jobRunning(Observation seen, long gen) {
    if (seen.job().isEmpty()) {
      return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, Reasons.NOT_DEPLOYED,
          "no FlinkDeployment yet");
    }
    FlinkJobObservation job = seen.job().get();
    if (seen.held().isPresent()) {
      StopHold.Held held = seen.held().get();
      return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, held.reason(),
          StopHold.conditionMessage(held));
    }
    if (job.failed() && job.stop().isPresent()) {
      // The job stopped itself: its reason and message (table, column, key, what to do), not Flink's wrapper.
      return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, job.stop().get().reason().reason(),
          job.stop().get().message());
    }
    if (job.running() && !seen.suspendRequested()) {
      return new Condition(ConditionTypes.JOB_RUNNING, TRUE, gen, null, Reasons.RUNNING,
          "Flink job " + job.name() + " is RUNNING");
    }
    if (job.failed()) {
      return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, Reasons.JOB_FAILED,
          job.error() != null ? job.error() : "Flink job " + job.name() + " failed");
    }
    if (seen.suspendRequested()) {
      return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, Reasons.SUSPENDED,
          job.suspended() ? "suspended on request; the replication slot is kept"
              : "suspending on request (job state " + job.jobState() + ")");
    }
    return new Condition(ConditionTypes.JOB_RUNNING, FALSE, gen, null, Reasons.DEPLOYING,
        "waiting for the Flink job: lifecycle " + job.lifecycleState() + ", job state " + job.jobState()
            + (job.error() != null ? ", last error: " + job.error() : ""));
  }

  private static Condition streaming(StreamObservation seen, long gen) {
    if (seen instanceof StreamObservation.Started) {
      return new Condition(ConditionTypes.STREAMING, TRUE, gen, null, Reasons.STREAM_STARTED,
          "the stream has begun: a checkpoint holds a stream position past the one it started from");
    }
    if (seen instanceof StreamObservation.NotStarted) {
      return new Condition(ConditionTypes.STREAMING, FALSE, gen, null, Reasons.STREAM_NOT_STARTED,
          "the job runs but its stream has not begun: no checkpoint holds a position past the one it started"
              + " from (expected within the job's heartbeat, at most 10 s, and one checkpoint; if it stays, see"
              + " the stream reader's log and the slot)");
    }
    if (seen instanceof StreamObservation.NotYet notYet) {
      return new Condition(ConditionTypes.STREAMING, UNKNOWN, gen, null, Reasons.NOT_REPORTED_YET, notYet.message());
    }
    return new Condition(ConditionTypes.STREAMING, UNKNOWN, gen, null, Reasons.JOB_UNREADABLE,
        ((StreamObservation.Unreadable) seen).message());
  }

  /** Ready mirrors the first condition that is not True, so its reason says what to fix first. */
  private static Condition ready(long gen, List<Condition> parts) {
    return parts.stream()
        .filter(c -> !c.isTrue())
        .findFirst()
        .map(c -> new Condition(ConditionTypes.READY, FALSE, gen, null, c.reason(), c.message()))
        .orElse(new Condition(ConditionTypes.READY, TRUE, gen, null, Reasons.RUNNING, "pipeline is running"));
  }

  private static Phase phase(Condition specValid, Condition credentials, List<Condition> preflight, Condition job,
      boolean deployed, boolean suspend) {
    if (!specValid.isTrue()) {
      return Phase.Invalid;
    }
    if (!credentials.isTrue()) {
      return Phase.Pending;
    }
    // A failing preflight blocks a first deployment; a job already deployed keeps its phase.
    if (!deployed && !suspend && preflight.stream().anyMatch(c -> !c.isTrue())) {
      return Phase.Pending;
    }
    if (job.isTrue()) {
      return Phase.Running;
    }
    String reason = job.reason();
    // Every stop the operator holds is a failure someone must look at.
    if (Reasons.JOB_FAILED.equals(reason) || StopHold.HELD.contains(reason)) {
      return Phase.Failed;
    }
    if (Reasons.SUSPENDED.equals(reason)) {
      return Phase.Suspended;
    }
    return suspend ? Phase.Suspended : Phase.Deploying;
  }
}
