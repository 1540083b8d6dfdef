package dev.pipelines.cdc.operator.api.v1alpha1;

/** Where the pipeline's initial snapshot is, as read from the Flink job. */
public enum SnapshotPhase {
  /** The job has not started reading the snapshot yet (or its figures have not reached the JobManager). */
  Pending,
  /** The snapshot is being read. */
  Running,
  /** Every table has been read; the job streams changes. */
  Done,
  /** The job's figures could not be read (see message); the figures are as last read. */
  Unknown
}
