package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.JobConnections;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.replication.LogSequenceNumber;

/**
 * What keeps the replication slot's confirmed position a checkpointed one (see {@link SlotKeptSource}).
 *
 * <p>The heartbeat: a logical decoding message ({@code pg_logical_emit_message}, transactional, in a
 * transaction of its own committed with {@code synchronous_commit = on}, so it is in the flushed WAL
 * the walsender decodes when the call returns), followed by a non-transactional one (see
 * {@link #heartbeat()}). pgoutput sends it (Debezium asks for messages on
 * PostgreSQL 14 and later) whether or not a captured table changed, Debezium moves its offset to it
 * and its own heartbeat (every 10 s while nothing arrives) carries that offset into the stream split's
 * checkpointed state. So the slot
 * follows completed checkpoints while the captured tables are idle, and the stream leaves Debezium's
 * "Searching for WAL resume position" without waiting for a change to a captured table. Nothing else
 * moves the slot: the driver's own keepalive flush is off ({@code
 * org.postgresql.replication.fluent.ReplicationStreamBuilder}).
 *
 * @param heartbeatInterval how often the JobManager emits a heartbeat (shorter than the checkpoint interval)
 */
public record SlotKeeper(HostPort server, String database, Credentials credentials, String slotName,
    Duration heartbeatInterval) implements Serializable {

  /** The heartbeat messages' prefix; Debezium is told to skip messages with it (no record is made of them). */
  public static final String HEARTBEAT_PREFIX = "cdc_pipelines_heartbeat";

  private static final Duration MIN_HEARTBEAT = Duration.ofMillis(200);
  private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(10);

  /**
   * A third of the checkpoint interval, between 200 ms and 10 s: at least one heartbeat arrives between
   * a checkpoint and the completion of the next, so on an idle publication each checkpoint can hold a
   * newer position (Debezium's own 10 s heartbeat then carries it) and retained WAL stays bounded.
   *
   * @param checkpointIntervalMillis Flink's checkpoint interval; 0 or less when checkpointing is off
   */
  public static Duration heartbeatInterval(long checkpointIntervalMillis) {
    if (checkpointIntervalMillis <= 0) {
      return MAX_HEARTBEAT;
    }
    Duration third = Duration.ofMillis(checkpointIntervalMillis / 3);
    return third.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT
        : third.compareTo(MAX_HEARTBEAT) > 0 ? MAX_HEARTBEAT : third;
  }

  /** Emits one heartbeat; returns its LSN. */
  public String heartbeat() throws SQLException {
    try (Connection pg = JobConnections.postgres(server, database, credentials)) {
      pg.setAutoCommit(false);
      try (Statement local = pg.createStatement()) {
        local.execute("SET LOCAL synchronous_commit = on");
      }
      String lsn;
      try (PreparedStatement st = pg.prepareStatement("SELECT pg_logical_emit_message(true, ?, ?)::text")) {
        st.setString(1, HEARTBEAT_PREFIX);
        st.setString(2, slotName);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          lsn = rs.getString(1);
        }
      }
      pg.commit();
      // Then one outside any transaction, right behind the commit in the WAL. Debezium 1.9's resume
      // (WalPositionLocator) takes a message at the stored position for the stored event sent again and
      // filters it; a stored position after a COMMIT is that commit record's end, where the next record
      // starts, and when that is a transaction's first change, the change was dropped (seen once in
      // SlotGuaranteesIT: the first row of the first transaction after a restore). Our own message there
      // is the one dropped instead.
      pg.setAutoCommit(true);
      try (PreparedStatement st = pg.prepareStatement("SELECT pg_logical_emit_message(false, ?, ?)")) {
        st.setString(1, HEARTBEAT_PREFIX);
        st.setString(2, slotName);
        st.execute();
      }
      return lsn;
    }
  }

  /** The slot's {@code confirmed_flush_lsn}, or empty if there is no such slot (or it never confirmed one). */
  public Optional<Long> confirmedFlushLsn() throws SQLException {
    try (Connection pg = JobConnections.postgres(server, database, credentials);
        PreparedStatement st = pg.prepareStatement(
            "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return Optional.empty();
        }
        return Optional.of(LogSequenceNumber.valueOf(rs.getString(1)).asLong());
      }
    }
  }

  /**
   * What to log when the slot has confirmed a position past the one a stream starts from (empty when it
   * is at or behind it). Postgres then streams from the slot's position. The job confirms only completed
   * checkpoints' positions, one checkpoint late, so this is a restore from an older checkpoint or
   * savepoint, whose later checkpoints' changes StarRocks holds (at-least-once flushed them, exactly-once
   * committed them), or the slot was advanced outside the job ({@code pg_replication_slot_advance}), whose
   * skipped changes are not loaded.
   */
  public static Optional<String> slotAhead(String slotName, long checkpointLsn, Optional<Long> slotLsn) {
    if (slotLsn.isEmpty() || slotLsn.get() <= checkpointLsn) {
      return Optional.empty();
    }
    return Optional.of("the stream starts from LSN " + LogSequenceNumber.valueOf(checkpointLsn).asString()
        + " (its checkpoint or savepoint) but replication slot " + slotName + " has confirmed LSN "
        + LogSequenceNumber.valueOf(slotLsn.get()).asString() + ", " + (slotLsn.get() - checkpointLsn)
        + " bytes of WAL later, so Postgres streams from there: after a restore from an older checkpoint or"
        + " savepoint StarRocks holds the changes in between; if the slot was advanced outside the job, the"
        + " changes it skipped are not loaded");
  }
}
