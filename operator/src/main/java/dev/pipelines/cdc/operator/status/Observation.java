package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.validation.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Everything the reconciler found out about one pipeline in one pass: the input of the pure
 * {@link StatusFactory}.
 *
 * @param generation the pipeline's metadata.generation
 * @param violations spec validation result (empty = valid)
 * @param credentials Secret check, absent when the spec was invalid and so not checked
 * @param preflight source and sink checks, absent when not run (invalid spec or Secrets missing)
 * @param job the FlinkDeployment's reported state, absent when there is none
 * @param suspendRequested the spec asks for the job to be suspended
 * @param held a stop the operator holds the job for ({@link StopHold}), if any
 * @param snapshot the snapshot's progress as read from the job, absent when not read (no snapshot
 *     taken, or no job deployed): the status then keeps what it showed
 * @param stream whether the job's stream has begun, absent without a FlinkDeployment (no Streaming condition)
 */
public record Observation(
    long generation,
    List<Violation> violations,
    Optional<CredentialsCheck> credentials,
    Optional<PreflightReport> preflight,
    Optional<FlinkJobObservation> job,
    boolean suspendRequested,
    Optional<StopHold.Held> held,
    Optional<SnapshotObservation> snapshot,
    Optional<StreamObservation> stream) {

  public Observation {
    violations = List.copyOf(violations);
  }

  /** An observation without the stream's start. */
  public Observation(long generation, List<Violation> violations, Optional<CredentialsCheck> credentials,
      Optional<PreflightReport> preflight, Optional<FlinkJobObservation> job, boolean suspendRequested,
      Optional<StopHold.Held> held, Optional<SnapshotObservation> snapshot) {
    this(generation, violations, credentials, preflight, job, suspendRequested, held, snapshot, Optional.empty());
  }

  /** An observation without snapshot progress. */
  public Observation(long generation, List<Violation> violations, Optional<CredentialsCheck> credentials,
      Optional<PreflightReport> preflight, Optional<FlinkJobObservation> job, boolean suspendRequested,
      Optional<StopHold.Held> held) {
    this(generation, violations, credentials, preflight, job, suspendRequested, held, Optional.empty(),
        Optional.empty());
  }

  /** An observation without a held stop. */
  public Observation(long generation, List<Violation> violations, Optional<CredentialsCheck> credentials,
      Optional<PreflightReport> preflight, Optional<FlinkJobObservation> job, boolean suspendRequested) {
    this(generation, violations, credentials, preflight, job, suspendRequested, Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
