package dev.pipelines.cdc.job.source;

import java.util.List;
import java.util.Set;
import dev.pipelines.cdc.config.JobStopReason;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/**
 * A source table gained or lost columns while the job ran. The StarRocks table and the Stream
 * Load column list are set up when the job starts, so the job stops here, before writing a row of
 * the new shape, and is started again (the Flink operator redeploys failed jobs from the last
 * checkpoint): the new start alters the StarRocks table and carries on from the same change.
 *
 * <p>Restarts inside the same job are suppressed: they would reuse the old plan and fail again.
 */
public final class SchemaChangedException extends RuntimeException {

  private SchemaChangedException(String message) {
    super(message);
  }

  /** Throws (wrapped so Flink does not restart the same graph) if {@code seen} differs from {@code planned}. */
  static void check(String table, Set<String> planned, List<String> seen) {
    if (planned.size() == seen.size() && planned.containsAll(seen)) {
      return;
    }
    List<String> added = seen.stream().filter(c -> !planned.contains(c)).toList();
    List<String> dropped = planned.stream().filter(c -> !seen.contains(c)).sorted().toList();
    throw new SuppressRestartsException(new SchemaChangedException(JobStopReason.SCHEMA_CHANGED.message("table " + table + " changed while the job ran"
        + (added.isEmpty() ? "" : ": new columns " + added) + (dropped.isEmpty() ? "" : ": dropped columns " + dropped)
        + ". The job stops before writing rows of the new shape; started again (from the last checkpoint), it"
        + " alters the StarRocks table and resumes")));
  }
}
