package dev.pipelines.cdc.operator;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus;

/** FlinkDeployment status as the Flink Kubernetes Operator reports it, for tests that play that operator. */
public final class FlinkStatuses {
  private FlinkStatuses() {}

  /** @param error the Flink operator's error text, or null */
  public static FlinkDeploymentStatus of(JobStatus job, ResourceLifecycleState lifecycle, String error) {
    FlinkDeploymentStatus status = new FlinkDeploymentStatus();
    status.getJobStatus().setState(job);
    status.setLifecycleState(lifecycle);
    status.setError(error);
    return status;
  }
}
