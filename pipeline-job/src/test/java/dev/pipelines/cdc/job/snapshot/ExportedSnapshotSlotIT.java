package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The slot and its exported snapshot on a real Postgres 17, as the CDC user (REPLICATION, no superuser). */
@ExtendWith(PostgresExtension.class)
class ExportedSnapshotSlotIT {
  private static final Credentials CDC = new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, "u", "p");

  @Test
  void theExportedSnapshotIsTheTableAtTheConsistentPointWhereTheSlotStarts(PostgresServer pg) throws Exception {
    table(pg, "exp_t", 100);
    try (Connection sql = pg.cdcConnection();
        ExportedSnapshotSlot slot = ExportedSnapshotSlot.create(sql, replication(pg), "exp_slot", PostgresServer.DATABASE)) {
      pg.superuserSql().execute("INSERT INTO public.exp_t SELECT g, 'later' FROM generate_series(101, 150) g",
          "DELETE FROM public.exp_t WHERE id <= 10", "UPDATE public.exp_t SET v = 'changed' WHERE id = 50");

      try (Connection reader = pg.cdcConnection()) {
        assertThat(SnapshotTransaction.begin(reader, slot.snapshotName())).as("imported").isTrue();
        assertThat(count(reader, "SELECT count(*) FROM public.exp_t")).isEqualTo(100);
        assertThat(count(reader, "SELECT count(*) FROM public.exp_t WHERE v = 'changed'")).isZero();
      }
      assertThat(pg.replicationSlots()).filteredOn(s -> s.name().equals("exp_slot")).singleElement()
          .satisfies(s -> {
            assertThat(s.plugin()).isEqualTo("pgoutput");
            assertThat(s.confirmedFlushLsn()).isEqualTo(slot.consistentPoint());
          });

      slot.close();
      // Export gone (as after a restore): a fresh snapshot instead, which sees the later changes.
      try (Connection reader = pg.cdcConnection()) {
        assertThat(SnapshotTransaction.begin(reader, slot.snapshotName())).as("imported").isFalse();
        assertThat(count(reader, "SELECT count(*) FROM public.exp_t")).isEqualTo(140);
        assertThat(count(reader, "SELECT count(*) FROM public.exp_t WHERE v = 'changed'")).isEqualTo(1);
      }
    } finally {
      pg.superuserSql().execute("SELECT pg_drop_replication_slot('exp_slot')");
    }
  }

  @Test
  void aFreshStartKeepsThePipelinesOwnIdleSlotAndResumesAtItsConfirmedPosition(PostgresServer pg) throws Exception {
    table(pg, "re_t", 10);
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('re_slot', 'pgoutput')");
    String old = lsn(pg, "re_slot");
    pg.superuserSql().execute("INSERT INTO public.re_t SELECT g, 'after the old slot' FROM generate_series(11, 20) g");
    try (Connection sql = pg.cdcConnection();
        ExportedSnapshotSlot slot = ExportedSnapshotSlot.create(sql, replication(pg), "re_slot", PostgresServer.DATABASE)) {
      // Kept, not re-created: no export, and the stream resumes where the slot stood (the changes
      // since then are replayed; the snapshot reads fresh snapshots).
      assertThat(slot.exported()).isFalse();
      assertThat(slot.snapshotName()).isEmpty();
      assertThat(slot.consistentPoint()).isEqualTo(old);
      assertThat(lsn(pg, "re_slot")).isEqualTo(old);
    } finally {
      pg.superuserSql().execute("SELECT pg_drop_replication_slot('re_slot')");
    }
  }

  @Test
  void aSlotOfAnotherPluginIsLeftAloneAndStopsTheJobNamingIt(PostgresServer pg) throws Exception {
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('other_slot', 'test_decoding')");
    try (Connection sql = pg.cdcConnection()) {
      assertThatThrownBy(() -> ExportedSnapshotSlot.create(sql, replication(pg), "other_slot", PostgresServer.DATABASE))
          .cause().hasMessageContaining("[SourceNotReady] replication slot other_slot exists but is a logical slot of plugin"
              + " test_decoding")
          .hasMessageContaining("another slotName");
      assertThat(pg.replicationSlots()).anyMatch(s -> s.name().equals("other_slot") && s.plugin().equals("test_decoding"));
    } finally {
      pg.superuserSql().execute("SELECT pg_drop_replication_slot('other_slot')");
    }
  }

  /**
   * A snapshot that can never be imported here (exported in another database) stops the job with
   * the reason, instead of restarting into the same error or reading a fresh snapshot of a source
   * the slot does not stream.
   */
  @Test
  void aSnapshotThatCanNeverBeImportedStopsTheJobWithTheReason(PostgresServer pg) throws Exception {
    pg.superuserSql().execute("DROP DATABASE IF EXISTS exp_other", "CREATE DATABASE exp_other");
    try (Connection exporter = DriverManager.getConnection(pg.jdbcUrl().replace("/" + PostgresServer.DATABASE,
        "/exp_other"), PostgresServer.SUPERUSER, ""); Statement st = exporter.createStatement()) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      String name;
      try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
        rs.next();
        name = rs.getString(1);
      }
      try (Connection reader = pg.cdcConnection()) {
        assertThatThrownBy(() -> SnapshotTransaction.begin(reader, name)).cause()
            .isInstanceOf(dev.pipelines.cdc.job.failure.PipelineStop.class)
            .hasMessage("[SourceNotReady] the snapshot's readers cannot import exported snapshot " + name + " (cannot"
                + " import a snapshot from a different database), and retrying gives the same answer: start the"
                + " pipeline without its checkpoint (upgradeMode: stateless, or delete the checkpoints) to take a new"
                + " snapshot");
      }
      st.execute("ROLLBACK");
    } finally {
      pg.superuserSql().execute("DROP DATABASE exp_other");
    }
  }

  private static Connection replication(PostgresServer pg) throws SQLException {
    return JobConnections.postgresReplication(new HostPort(pg.host(), pg.port()), PostgresServer.DATABASE, CDC);
  }

  private static void table(PostgresServer pg, String name, int rows) {
    pg.superuserSql().execute("DROP TABLE IF EXISTS public." + name,
        "CREATE TABLE public." + name + " (id int PRIMARY KEY, v text)",
        "INSERT INTO public." + name + " SELECT g, 'v' || g FROM generate_series(1, " + rows + ") g");
    pg.grantCaptureOn("public." + name);
  }

  private static String lsn(PostgresServer pg, String slot) {
    return pg.replicationSlots().stream().filter(s -> s.name().equals(slot)).findFirst().orElseThrow().confirmedFlushLsn();
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
