package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.failure.SqlErrors;
import java.io.IOException;
import java.sql.SQLException;

/**
 * What an SQL failure of the snapshot means, by SQLSTATE (a split's COPY, or the enumerator's
 * preparation): the faults a restart meets again stop the job
 * once, with one line naming the table and the fix; the rest (a lost connection, a server shutting
 * down) are returned to be thrown, and Flink restarts the reader, which reads the split again from
 * its start. A stop leaves nothing half-loaded unnoticed: the split is not finished, so a start
 * from the checkpoint after the fix reads it again whole.
 */
final class SnapshotFailure {
  /** ERRCODE_INSUFFICIENT_PRIVILEGE: SELECT revoked (or never granted) since the job planned. */
  static final String PERMISSION_DENIED = "42501";
  /** ERRCODE_UNDEFINED_TABLE: the table (or the partition the split reads) was dropped. */
  static final String UNDEFINED_TABLE = "42P01";
  /** ERRCODE_UNDEFINED_COLUMN: a column the job planned was dropped or renamed. */
  static final String UNDEFINED_COLUMN = "42703";

  private SnapshotFailure() {}

  /**
   * @param table the captured table ({@code schema.table}), with the partition the split reads
   * @param relation the quoted relation the split reads, for the GRANT
   */
  static IOException of(SQLException e, String table, String relation, String user) {
    String error = SqlErrors.oneLine(e);
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    switch (state) {
      case PERMISSION_DENIED -> throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "the snapshot cannot read"
          + " table " + table + " (" + error + "): grant the pipeline's user SELECT on it (GRANT SELECT ON " + relation
          + " TO " + user + ") or leave the table out with excludeTables, then start the pipeline again; its"
          + " unfinished splits are read again whole", e);
      case UNDEFINED_TABLE -> throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "table " + table + " was"
          + " dropped during the snapshot (" + error + ") and StarRocks holds only part of it: create it again, or"
          + " leave it out with excludeTables (and drop its StarRocks table), then start the pipeline without its"
          + " checkpoint to take a new snapshot", e);
      case UNDEFINED_COLUMN -> throw PipelineStop.stop(JobStopReason.SCHEMA_CHANGED, "table " + table + " lost a"
          + " column during the snapshot (" + error + "); a new start plans its columns again", e);
      default -> {
        return new IOException("snapshot of " + table + " failed: " + error, e);
      }
    }
  }

  /**
   * A failure while the enumerator prepares the snapshot (publication, slot, table sizes). A table
   * dropped, or made unreadable, after the job planned fails there the same way at every restart;
   * anything else is returned to be thrown, and the job restarts.
   */
  static RuntimeException atStart(SQLException e, String user) {
    String error = SqlErrors.oneLine(e);
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case UNDEFINED_TABLE -> PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "a captured table was dropped after"
          + " the job planned (" + error + "): create it again, or leave it out with excludeTables, then start the"
          + " pipeline again", e);
      case PERMISSION_DENIED -> PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "the snapshot cannot start ("
          + error + "): give user " + user + " the privilege the error names, or leave the table out with"
          + " excludeTables, then start the pipeline again", e);
      default -> new IllegalStateException("the snapshot cannot start: " + error, e);
    };
  }
}
