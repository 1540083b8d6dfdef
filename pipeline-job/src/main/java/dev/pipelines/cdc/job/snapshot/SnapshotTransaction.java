package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.failure.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader's one transaction: {@code REPEATABLE READ READ ONLY}, importing the slot's exported
 * snapshot, so every split it reads shows its table as of the slot's consistent point.
 *
 * <p>The export lives only as long as the enumerator's replication connection. After a restore (a
 * new enumerator, no export) the import fails, and the reader reads in a fresh REPEATABLE READ
 * snapshot instead, taken later than the consistent point, and says so once. The result is still
 * exact: the stream starts at the consistent point only after the last snapshot row (HybridSource)
 * and replays, in commit order, every change after it, each an upsert or delete by primary key. A
 * row read in the later snapshot already holds some of those changes; replaying them moves it back
 * to an older version for a moment and then forward to the newest one. A row deleted before the
 * later snapshot was inserted after the consistent point (the replay inserts and deletes it again)
 * or deleted after it (the replay deletes it). So StarRocks ends at the source's state either way;
 * in between, a reader of StarRocks may see rows of such splits step back and forward again.
 */
final class SnapshotTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotTransaction.class);
  /** What Postgres exports ({@code 00000003-0000001B-1}); anything else never reaches SQL. */
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

  private SnapshotTransaction() {}

  /**
   * Begins the transaction on {@code pg} (autocommit on, idle), importing {@code snapshotName} if it
   * is still exported.
   *
   * @return whether the exported snapshot was imported
   */
  static boolean begin(Connection pg, String snapshotName) throws SQLException {
    if (!SNAPSHOT_NAME.matcher(snapshotName).matches()) {
      throw never(snapshotName, "it is not a snapshot name PostgreSQL exports", null);
    }
    try (Statement st = pg.createStatement()) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        st.execute("SET TRANSACTION SNAPSHOT '" + snapshotName + "'");
        return true;
      } catch (SQLException e) {
        switch (SnapshotImport.of(e.getSQLState())) {
          case GONE -> {
            st.execute("ROLLBACK");
            st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            LOG.warn("the exported snapshot {} is gone (the job was restored, or the connection that exported it"
                + " ended): this reader reads its remaining splits in a newer snapshot; StarRocks still ends exact"
                + " because the stream replays every change since the slot's consistent point after the last"
                + " snapshot row ({})", snapshotName, SqlErrors.oneLine(e));
            return false;
          }
          case NEVER -> throw never(snapshotName, SqlErrors.oneLine(e), e);
          default -> throw e;
        }
      }
    }
  }

  private static RuntimeException never(String snapshotName, String why, Throwable cause) {
    return PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "the snapshot's readers cannot import exported snapshot "
        + snapshotName + " (" + why + "), and retrying gives the same answer: start the pipeline without its"
        + " checkpoint (upgradeMode: stateless, or delete the checkpoints) to take a new snapshot", cause);
  }
}
