package dev.pipelines.cdc.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.config.JobStopReason;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus;
import org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus;

/**
 * What the Flink operator reports about a pipeline's FlinkDeployment, reduced to what the
 * pipeline's status shows.
 *
 * @param name the FlinkDeployment's name
 * @param jobState Flink's job state (RUNNING, FAILED, ...) or null before the job exists
 * @param lifecycleState the Flink operator's lifecycle state (DEPLOYED, STABLE, FAILED, ...)
 * @param error the Flink operator's error message, if any
 * @param stop the job's own stop ({@link JobStopReason} marker) found anywhere in the error, with its message
 * @param caughtUp the Flink operator has reconciled the FlinkDeployment's current spec (its status
 *     observedGeneration is the metadata.generation), so its error is about that spec
 * @param specRunning the FlinkDeployment's spec asks for a running job (not suspended)
 * @param jobManagerFailed the Flink operator reports the JobManager deployment in ERROR (its pod cannot
 *     start: ImagePullBackOff, ErrImagePull, CrashLoopBackOff, FailedCreate), with the reason in the
 *     error; the lifecycle stays DEPLOYED (or STABLE) then, never FAILED (docs/flink-operator.md)
 */
public record FlinkJobObservation(String name, String jobState, String lifecycleState, String error,
    Optional<JobStopReason.Found> stop, boolean caughtUp, boolean specRunning, boolean jobManagerFailed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A deployment whose status describes its running spec, with the stop its error carries. */
  public FlinkJobObservation(String name, String jobState, String lifecycleState, String error) {
    this(name, jobState, lifecycleState, error, JobStopReason.find(error), true, true, false);
  }

  public static FlinkJobObservation of(FlinkDeployment deployment) {
    FlinkDeploymentStatus status = deployment.getStatus();
    String name = deployment.getMetadata().getName();
    boolean specRunning = deployment.getSpec() == null || deployment.getSpec().getJob() == null
        || deployment.getSpec().getJob().getState() != JobState.SUSPENDED;
    if (status == null) {
      return new FlinkJobObservation(name, null, null, null, Optional.empty(), false, specRunning, false);
    }
    String jobState =
        status.getJobStatus() == null || status.getJobStatus().getState() == null
            ? null
            : status.getJobStatus().getState().name();
    // Computed from the status by the API class, as the Flink operator computes what it writes.
    String lifecycle = status.getLifecycleState() == null ? null : status.getLifecycleState().name();
    Long generation = deployment.getMetadata().getGeneration();
    boolean caughtUp = generation == null || status.getObservedGeneration() == null
        || Objects.equals(generation, status.getObservedGeneration());
    return new FlinkJobObservation(name, jobState, lifecycle, errorMessage(status.getError()),
        JobStopReason.find(errorText(status.getError())), caughtUp, specRunning,
        status.getJobManagerDeploymentStatus() == JobManagerDeploymentStatus.ERROR);
  }

  /**
   * Every message the Flink operator kept of the job's failure: its error JSON holds the outermost
   * exception's {@code message} (for a job that stopped itself: Flink's "The failure is not
   * recoverable"), then the causes' messages in {@code throwableList} (the job's marker is there) and,
   * if enabled, the {@code stackTrace}.
   */
  static String errorText(String error) {
    if (error == null || error.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(error);
      if (!node.isObject()) {
        return error;
      }
      StringBuilder text = new StringBuilder();
      if (node.hasNonNull("message")) {
        text.append(node.get("message").asText()).append('\n');
      }
      for (JsonNode cause : node.path("throwableList")) {
        if (cause.hasNonNull("message")) {
          text.append(cause.get("message").asText()).append('\n');
        }
      }
      if (node.hasNonNull("stackTrace")) {
        text.append(node.get("stackTrace").asText());
      }
      return text.toString();
    } catch (Exception notJson) {
      return error;
    }
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

  /**
   * Flink 1.19's message for a job failed by a {@code SuppressRestartsException} (its
   * ExecutionFailureHandler), i.e. a stop of the job's own when it carries no marker we can see.
   */
  static final String NOT_RECOVERABLE = "The failure is not recoverable";

  /**
   * The job stopped itself without restarts, but the causes the Flink operator kept do not show
   * which stop: it keeps only {@code kubernetes.operator.exception.throwable.list.max.count} causes
   * (default 2), and a stop found while a checkpoint runs sits deeper (measured: the fourth).
   */
  public boolean stoppedWithoutMarker() {
    return stop.isEmpty() && error != null && error.startsWith(NOT_RECOVERABLE);
  }

  public boolean running() {
    return "RUNNING".equals(jobState) && !"FAILED".equals(lifecycleState);
  }

  /**
   * The job failed (Flink's FAILED), the Flink operator refused the spec before anything was
   * deployed (lifecycle FAILED: an error before the first deployment), or the JobManager cannot start.
   */
  public boolean failed() {
    return "FAILED".equals(jobState) || "FAILED".equals(lifecycleState) || jobManagerFailed;
  }

  /**
   * Nothing runs because the spec says so: the Flink operator recorded the suspend (lifecycle
   * SUSPENDED), or the deployment was suspended before its first deployment, which the Flink
   * operator then never deploys (it stays CREATED).
   */
  public boolean suspended() {
    return "SUSPENDED".equals(lifecycleState) || (!specRunning && "CREATED".equals(lifecycleState));
  }
}
