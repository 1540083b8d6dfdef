package dev.pipelines.cdc.job.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's logical slot, created over a replication connection with an exported snapshot:
 * that snapshot shows every table exactly as of the slot's consistent point, where the stream will
 * start. The snapshot can be imported ({@code SET TRANSACTION SNAPSHOT}) only while the connection
 * that created the slot stays open and runs no other command, so this object holds the connection
 * and does nothing with it until {@link #close()}.
 */
public final class ExportedSnapshotSlot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExportedSnapshotSlot.class);
  /** Postgres' own rule for slot names (ReplicationSlotValidateName); the name goes into the command unquoted. */
  private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
  private static final String FIND = """
      SELECT plugin, database, active_pid FROM pg_replication_slots WHERE slot_name = ?""";

  static final long RELEASE_WAIT_MILLIS = 10_000;

  private final Connection replication;
  private final String snapshotName;
  private final String consistentPoint;

  private ExportedSnapshotSlot(Connection replication, String snapshotName, String consistentPoint) {
    this.replication = replication;
    this.snapshotName = snapshotName;
    this.consistentPoint = consistentPoint;
  }

  /**
   * Creates the slot, or keeps the pipeline's own idle slot of that name (see {@link ExistingSlot}):
   * then there is no exported snapshot ({@link #exported()} is false) and the consistent point is
   * the slot's {@code confirmed_flush_lsn}, where the stream resumes.
   *
   * @param sql a normal connection to the same database, for looking up and dropping the slot
   * @param replication a connection opened with {@code replication=database} and
   *     {@code preferQueryMode=simple}; owned by the result from here on
   */
  public static ExportedSnapshotSlot create(Connection sql, Connection replication, String slotName,
      String database) throws SQLException {
    if (!SLOT_NAME.matcher(slotName).matches()) {
      throw ExistingSlot.stop("slot name " + slotName + " is not a valid replication slot name (lower-case letters,"
          + " digits and _ , at most 63): choose another slotName");
    }
    try {
      if (ExistingSlot.decide(slotName, database, findIdle(sql, slotName)) == ExistingSlot.Action.KEEP) {
        String confirmed = confirmedFlushLsn(sql, slotName);
        replication.close();
        LOG.warn("replication slot {} exists but the job starts without a checkpoint: keeping it; the stream resumes"
            + " at its confirmed position {} and replays every change since then, the snapshot reads each table in"
            + " a fresh snapshot", slotName, confirmed);
        return new ExportedSnapshotSlot(null, "", confirmed);
      }
      ReplicationSlotInfo info = replication.unwrap(PGConnection.class).getReplicationAPI()
          .createReplicationSlot().logical().withSlotName(slotName).withOutputPlugin("pgoutput").make();
      if (info.getSnapshotName() == null) {
        throw new SQLException("CREATE_REPLICATION_SLOT " + slotName + " exported no snapshot");
      }
      LOG.info("created replication slot {} at consistent point {}, exported snapshot {}", slotName,
          info.getConsistentPoint().asString(), info.getSnapshotName());
      return new ExportedSnapshotSlot(replication, info.getSnapshotName(), info.getConsistentPoint().asString());
    } catch (SQLException | RuntimeException e) {
      replication.close();
      throw e;
    }
  }

  /**
   * The slot, waiting up to {@link #RELEASE_WAIT_MILLIS} for a reader of it to go away: a restart
   * closes the previous attempt's replication connection, but its backend may still hold the slot
   * for a moment.
   */
  private static Optional<ExistingSlot> findIdle(Connection sql, String slotName) throws SQLException {
    long deadline = System.currentTimeMillis() + RELEASE_WAIT_MILLIS;
    Optional<ExistingSlot> found = find(sql, slotName);
    while (found.isPresent() && found.get().activePid() != null && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = find(sql, slotName);
    }
    return found;
  }

  static Optional<ExistingSlot> find(Connection sql, String slotName) throws SQLException {
    try (PreparedStatement st = sql.prepareStatement(FIND)) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int pid = rs.getInt(3);
        Integer activePid = rs.wasNull() ? null : pid;
        return Optional.of(new ExistingSlot(slotName, rs.getString(1), rs.getString(2), activePid));
      }
    }
  }

  private static String confirmedFlushLsn(Connection sql, String slotName) throws SQLException {
    try (PreparedStatement st = sql.prepareStatement(
        "SELECT coalesce(confirmed_flush_lsn, restart_lsn)::text FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
      }
    }
  }

  /** Whether this slot was created here with an exported snapshot (false: an existing slot kept). */
  public boolean exported() {
    return replication != null;
  }

  /** The exported snapshot's name; empty for a kept slot. */
  public String snapshotName() {
    return snapshotName;
  }

  /** The slot's consistent point, as Postgres writes an LSN ({@code 0/16B3748}). */
  public String consistentPoint() {
    return consistentPoint;
  }

  /** Ends the export: readers that have imported the snapshot keep it; no new reader can import it. */
  @Override
  public void close() {
    if (replication == null) {
      return;
    }
    try {
      replication.close();
    } catch (SQLException e) {
      LOG.warn("closing the replication connection that exported snapshot {} failed: {}", snapshotName, e.toString());
    }
  }
}
