package dev.pipelines.cdc.operator.testkit;

/**
 * Errors as the Flink Kubernetes Operator writes them into a FlinkDeployment's status, for tests
 * that play that operator ({@link FlinkOperatorDouble} writes the rest of the status).
 */
public final class FlinkStatuses {
  private FlinkStatuses() {}

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
