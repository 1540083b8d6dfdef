package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.JobConnections;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether the stream may start: the pipeline's slot exists and nobody reads it. The snapshot
 * enumerator creates the slot (with its exported snapshot), or keeps an idle existing one; until
 * then flink-cdc's enumerator must not start, because it would create the slot itself, without an
 * export, at a position the snapshot knows nothing of.
 */
public record SlotGate(HostPort server, String database, Credentials credentials, String slotName)
    implements Serializable {

  /** What one look at {@code pg_replication_slots} found. */
  public record Look(boolean exists, Integer activePid) {
    boolean idle() {
      return exists && activePid == null;
    }
  }

  public Look look() throws SQLException {
    try (Connection pg = JobConnections.postgres(server, database, credentials);
        PreparedStatement st = pg.prepareStatement("SELECT active_pid FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return new Look(false, null);
        }
        int pid = rs.getInt(1);
        return new Look(true, rs.wasNull() ? null : pid);
      }
    }
  }

  @Override
  public String toString() {
    return "SlotGate[" + slotName + "]";
  }
}
