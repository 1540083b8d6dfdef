package dev.pipelines.cdc.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class PostgresServerIT {

    @Test
    void isConfiguredLikeAProductionCdcSource(PostgresServer pg) {
        Sql sql = pg.superuserSql();
        assertThat(sql.scalar("SHOW server_version").toString()).startsWith("17.");
        assertThat(sql.scalar("SHOW wal_level")).isEqualTo("logical");
        assertThat(sql.scalar("SHOW synchronous_commit")).isEqualTo("on");
        assertThat(sql.scalar("SHOW max_replication_slots")).isEqualTo(String.valueOf(PostgresServer.MAX_REPLICATION_SLOTS));
        assertThat(sql.scalar("SHOW max_wal_senders")).isEqualTo(String.valueOf(PostgresServer.MAX_WAL_SENDERS));
    }

    @Test
    void cdcUserHasReplicationButOnlyGrantedTables(PostgresServer pg) {
        pg.superuserSql().execute(
                "CREATE TABLE granted_t(id int PRIMARY KEY, v text)",
                "CREATE TABLE secret_t(id int PRIMARY KEY)",
                "INSERT INTO granted_t VALUES (1, 'a')");
        pg.grantCaptureOn("public.granted_t");

        assertThat(pg.cdcSql().scalar("SELECT rolreplication FROM pg_roles WHERE rolname = current_user")).isEqualTo(true);
        assertThat(pg.cdcSql().scalar("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo(false);
        assertThat(pg.cdcSql().scalar("SELECT v FROM granted_t WHERE id = 1")).isEqualTo("a");
        assertThatThrownBy(() -> pg.cdcSql().scalar("SELECT * FROM secret_t"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void theCdcUserCanStreamButNotPublishTablesItDoesNotOwn(PostgresServer pg) throws Exception {
        pg.superuserSql().execute("CREATE TABLE owned_elsewhere(id int PRIMARY KEY)");
        pg.grantCaptureOn("public.owned_elsewhere");
        assertThatThrownBy(() -> pg.cdcSql().execute("CREATE PUBLICATION cdc_pub FOR TABLE owned_elsewhere"))
                .hasMessageContaining("permission denied");
        // REPLICATION is enough to create and drop a logical slot.
        pg.cdcSql().execute("SELECT pg_create_logical_replication_slot('cdc_slot', 'pgoutput')");
        assertThat(pg.replicationSlots()).anyMatch(s -> s.name().equals("cdc_slot") && s.plugin().equals("pgoutput"));
        pg.cdcSql().execute("SELECT pg_drop_replication_slot('cdc_slot')");
    }

    @Test
    void slotsAndPublicationsAreVisibleAndLogicalDecodingSeesCommitsAtOnce(PostgresServer pg) {
        pg.superuserSql().execute("CREATE TABLE pub_t(id int PRIMARY KEY)");
        pg.createPublication("pub_test", "public.pub_t");
        pg.superuserSql().execute(
                "SELECT pg_create_logical_replication_slot('slot_test', 'test_decoding')",
                "INSERT INTO pub_t VALUES (42)");
        try {
            assertThat(pg.replicationSlots())
                    .anySatisfy(s -> {
                        assertThat(s.name()).isEqualTo("slot_test");
                        assertThat(s.plugin()).isEqualTo("test_decoding");
                        assertThat(s.type()).isEqualTo("logical");
                        assertThat(s.retainedWalBytes()).as("the insert is retained for the slot").isPositive();
                    });
            assertThat(pg.publications())
                    .contains(new Publication("pub_test", false, java.util.List.of("public.pub_t")));
            // With synchronous_commit=on the change is decodable immediately after the commit returns.
            assertThat(pg.superuserSql().query(
                    "SELECT data FROM pg_logical_slot_get_changes('slot_test', NULL, NULL)", rs -> rs.getString(1)))
                    .anyMatch(d -> d.contains("INSERT") && d.contains("42"));
        } finally {
            pg.superuserSql().execute("SELECT pg_drop_replication_slot('slot_test')", "DROP PUBLICATION pub_test");
        }
        assertThat(pg.replicationSlots()).noneMatch(s -> s.name().equals("slot_test"));
    }

    @Test
    void aRestartCutsConnectionsButKeepsDataSlotsAndPort(PostgresServer pg) throws Exception {
        pg.superuserSql().execute("CREATE TABLE restart_probe (id int PRIMARY KEY)", "INSERT INTO restart_probe VALUES (1)",
                "SELECT pg_create_logical_replication_slot('restart_probe_slot', 'pgoutput')");
        try (java.sql.Connection before = pg.superuserConnection()) {
            int port = pg.port();
            Object startedBefore = pg.superuserSql().scalar("SELECT pg_postmaster_start_time()::text");

            pg.restart();

            assertThat(before.isValid(2)).as("connections opened before the restart are cut").isFalse();
            assertThat(pg.port()).isEqualTo(port);
            assertThat(pg.superuserSql().scalar("SELECT pg_postmaster_start_time()::text")).isNotEqualTo(startedBefore);
            assertThat(pg.superuserSql().scalar("SELECT count(*) FROM restart_probe")).isEqualTo(1L);
            assertThat(pg.replicationSlots()).extracting(ReplicationSlot::name).contains("restart_probe_slot");
            assertThat(pg.superuserSql().scalar("SHOW wal_level")).isEqualTo("logical");
        } finally {
            pg.superuserSql().execute("SELECT pg_drop_replication_slot('restart_probe_slot')", "DROP TABLE restart_probe");
        }
    }
    @Test
    void aStopRefusesConnectionsUntilTheServerStartsAgainWithDataSlotsAndPort(PostgresServer pg) throws Exception {
        pg.superuserSql().execute("CREATE TABLE stop_probe (id int PRIMARY KEY)", "INSERT INTO stop_probe VALUES (1)",
                "SELECT pg_create_logical_replication_slot('stop_probe_slot', 'pgoutput')");
        int port = pg.port();
        try {
            pg.stop();
            assertThatThrownBy(pg::superuserConnection).as("a stopped server refuses connections")
                    .isInstanceOf(java.sql.SQLException.class);

            pg.startAgain();

            assertThat(pg.port()).isEqualTo(port);
            assertThat(pg.superuserSql().scalar("SELECT count(*) FROM stop_probe")).isEqualTo(1L);
            assertThat(pg.replicationSlots()).extracting(ReplicationSlot::name).contains("stop_probe_slot");
            assertThat(pg.superuserSql().scalar("SHOW wal_level")).isEqualTo("logical");
            assertThat(pg.superuserSql().scalar("SHOW synchronous_commit")).isEqualTo("on");
        } finally {
            pg.superuserSql().execute("SELECT pg_drop_replication_slot('stop_probe_slot')", "DROP TABLE stop_probe");
        }
    }
}
