package dev.pipelines.cdc.operator.testkit;

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

  /**
   * The error as the Flink Kubernetes Operator 1.10 writes it for a job that stopped itself
   * (FlinkResourceExceptionUtils): the outermost exception's message, then the causes'.
   */
  public static String stoppedJobError(String stopMessage) {
    // Flink 1.19's ExecutionFailureHandler wraps a SuppressRestartsException so.
    return "{\"type\":\"org.apache.flink.runtime.JobException\",\"message\":\"The failure is not recoverable\","
        + "\"additionalMetadata\":{},\"throwableList\":["
        + "{\"type\":\"org.apache.flink.runtime.execution.SuppressRestartsException\",\"message\":\"Unrecoverable"
        + " failure. This suppresses job restarts. Please check the stack trace for the root cause.\"},"
        + "{\"type\":\"dev.pipelines.cdc.job.failure.PipelineStop\",\"message\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(stopMessage) + "}]}";
  }
}
