package dev.pipelines.cdc.operator.progress;

import dev.pipelines.cdc.operator.status.SnapshotObservation;
import dev.pipelines.cdc.operator.status.StreamObservation;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Reads a running pipeline job's snapshot progress, and whether its stream has begun (tests pass a fake
 * or a fake REST server's address).
 */
@FunctionalInterface
public interface SnapshotProgress {
  /**
   * Never throws: a JobManager that cannot be reached is an {@link SnapshotObservation.Unreadable}
   * observation, not a failed reconcile.
   *
   * @param jobId the Flink job's id from the FlinkDeployment's status, null if it reports none
   * @param rowsEstimated PostgreSQL's row estimate of the captured tables ({@code RowEstimates.UNKNOWN}: none)
   */
  SnapshotObservation read(FlinkDeployment deployment, String jobId, long rowsEstimated);

  /**
   * Whether the job's stream has begun ({@code stream.started}). Never throws. Asked only where
   * {@link #readsStream()}.
   *
   * @param jobId the Flink job's id from the FlinkDeployment's status, null if it reports none
   */
  default StreamObservation stream(FlinkDeployment deployment, String jobId) {
    throw new UnsupportedOperationException("this progress reader does not read the stream's start");
  }

  /** Whether {@link #stream} is read; not by a fake that serves only snapshot figures (no Streaming condition then). */
  default boolean readsStream() {
    return false;
  }
}
