package dev.pipelines.cdc.job.failure;

import dev.pipelines.cdc.config.JobStopReason;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/**
 * A fault the job must not retry (retrying gives the same answer): the job fails once, with a
 * message naming what and where, instead of restarting dozens of times a minute. The message starts
 * with the {@link JobStopReason} marker the operator looks for.
 */
public final class PipelineStop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final JobStopReason reason;

  private PipelineStop(JobStopReason reason, String message, Throwable cause) {
    super(reason.message(message), cause);
    this.reason = reason;
  }

  public JobStopReason reason() {
    return reason;
  }

  /**
   * A row that cannot be written exactly: wrapped so Flink does not restart the same graph.
   *
   * @param key the row's primary key as text, e.g. {@code id=42}
   * @param rule what was broken, and what to do about it
   */
  public static SuppressRestartsException rowRejected(String table, String column, String key, String rule,
      Throwable cause) {
    return stop(JobStopReason.ROW_REJECTED, "table " + table + (column == null ? "" : ", column " + column)
        + (key == null ? "" : ", key " + key) + ": " + rule, cause);
  }

  /** Any stop: {@code message} says what happened and what to do. */
  public static SuppressRestartsException stop(JobStopReason reason, String message, Throwable cause) {
    return new SuppressRestartsException(new PipelineStop(reason, message, cause));
  }
}
