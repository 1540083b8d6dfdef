package dev.pipelines.cdc.operator.api.v1alpha1;

/** A one-word summary of a pipeline's conditions, for {@code kubectl get}. */
public enum Phase {
  /** Waiting for something the user must provide, such as a Secret. */
  Pending,
  /** The FlinkDeployment is written; the job is starting or upgrading. */
  Deploying,
  /** The job is running. */
  Running,
  /** The job is stopped on request; its replication slot is kept. */
  Suspended,
  /** The job failed; see the JobRunning condition. */
  Failed,
  /** The spec is invalid; the last good FlinkDeployment is left as it was. */
  Invalid
}
