package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.config.progress.SnapshotFigures;

/** What the reconciler learned of the snapshot's progress in one pass: the input of {@link SnapshotStatusFactory}. */
public sealed interface SnapshotObservation {
  /**
   * The job's figures.
   *
   * @param rowsEstimated PostgreSQL's estimate of the captured tables' rows, {@code RowEstimates.UNKNOWN} if none
   */
  record Read(SnapshotFigures figures, long rowsEstimated) implements SnapshotObservation {}

  /** The job is not running yet, or reports no figures yet; {@code message} says which. */
  record NotYet(String message) implements SnapshotObservation {}

  /** The JobManager's REST API could not be read; {@code message} says why. */
  record Unreadable(String message) implements SnapshotObservation {}
}
