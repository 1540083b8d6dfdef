package dev.pipelines.cdc.config;

import java.util.Optional;

/**
 * Why the job stopped itself instead of retrying: a fault that retrying cannot fix. The job starts
 * its failure message with the reason's marker; the operator finds the marker in the
 * FlinkDeployment's error and shows the reason and message in the {@code JobRunning} condition.
 * The marker is the contract (not the exception class), so the two sides share only this enum.
 */
public enum JobStopReason {
  /** A row StarRocks refuses, or a value the job cannot convert exactly. */
  ROW_REJECTED("RowRejected"),
  /** A TRUNCATE of a captured table, which the pipeline does not replicate. */
  TRUNCATE_NOT_REPLICATED("TruncateNotReplicated"),
  /** A captured table gained or lost columns; a new start adapts the StarRocks table. */
  SCHEMA_CHANGED("SchemaChanged"),
  /**
   * The source database is not as the job needs it: a replication slot of the pipeline's name that
   * is another plugin's, physical or in another database; a captured table the user cannot read or
   * that was dropped; a publication that stopped carrying a captured table; a snapshot that can
   * never be imported. The message names the object and the fix; the operator holds the job (a new
   * start meets the same source, and a publication the job may extend would be extended silently).
   */
  SOURCE_NOT_READY("SourceNotReady"),
  /**
   * The pipeline's own slot is read by another backend at a start without a checkpoint: another
   * job of the pipeline, or a previous attempt's connection the server has not yet timed out
   * ({@code wal_sender_timeout}, 60 s by default). Not held: the Flink operator's next start may find
   * it free.
   */
  SLOT_IN_USE("SlotInUse");

  private final String reason;

  JobStopReason(String reason) {
    this.reason = reason;
  }

  /** The condition reason (UpperCamelCase, as Kubernetes conditions want it). */
  public String reason() {
    return reason;
  }

  /** The text that starts the failure message: {@code [RowRejected] }. */
  public String marker() {
    return "[" + reason + "] ";
  }

  /** {@code text} with this reason's marker in front. */
  public String message(String text) {
    return marker() + text;
  }

  /** A stop found in a failure text (which may hold a whole stack trace), with its message. */
  public record Found(JobStopReason reason, String message) {}

  /**
   * The first marked stop in {@code failure}: the marker and the rest of its line (a message ends at
   * the line break where a stack trace or the next cause begins).
   */
  public static Optional<Found> find(String failure) {
    if (failure == null) {
      return Optional.empty();
    }
    Found first = null;
    int firstAt = Integer.MAX_VALUE;
    for (JobStopReason r : values()) {
      int at = failure.indexOf(r.marker());
      if (at >= 0 && at < firstAt) {
        firstAt = at;
        int end = failure.indexOf('\n', at);
        String text = failure.substring(at + r.marker().length(), end < 0 ? failure.length() : end).strip();
        first = new Found(r, text);
      }
    }
    return Optional.ofNullable(first);
  }
}
