package dev.pipelines.cdc.operator.progress;

import dev.pipelines.cdc.operator.status.SnapshotObservation;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/** Reads a running pipeline job's snapshot progress (tests pass a fake or a fake REST server's address). */
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
}
