package dev.pipelines.cdc.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus;

/**
 * What the Flink operator reports about a pipeline's FlinkDeployment, reduced to what the
 * pipeline's status shows.
 *
 * @param name the FlinkDeployment's name
 * @param jobState Flink's job state (RUNNING, FAILED, ...) or null before the job exists
 * @param lifecycleState the Flink operator's lifecycle state (DEPLOYED, STABLE, FAILED, ...)
 * @param error the Flink operator's error message, if any
 */
public record FlinkJobObservation(String name, String jobState, String lifecycleState, String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static FlinkJobObservation of(FlinkDeployment deployment) {
    FlinkDeploymentStatus status = deployment.getStatus();
    String name = deployment.getMetadata().getName();
    if (status == null) {
      return new FlinkJobObservation(name, null, null, null);
    }
    String jobState =
        status.getJobStatus() == null || status.getJobStatus().getState() == null
            ? null
            : status.getJobStatus().getState().name();
    String lifecycle = status.getLifecycleState() == null ? null : status.getLifecycleState().name();
    return new FlinkJobObservation(name, jobState, lifecycle, errorMessage(status.getError()));
  }

  /** The Flink operator writes errors as JSON ({@code {"type":..,"message":..}}); keep the message. */
  static String errorMessage(String error) {
    if (error == null || error.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(error);
      if (node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (Exception notJson) {
      // Plain text is used as it is.
    }
    return error;
  }

  public boolean running() {
    return "RUNNING".equals(jobState) && !"FAILED".equals(lifecycleState);
  }

  public boolean failed() {
    return "FAILED".equals(jobState) || "FAILED".equals(lifecycleState);
  }

  public boolean suspended() {
    return "SUSPENDED".equals(lifecycleState);
  }
}
