package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.store.RowStore;
import dev.pipelines.cdc.emulator.store.mariadb.MariaDbStore;
import dev.pipelines.cdc.testsupport.MariaDbExtension;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables, rows and StarRocks types survive an emulator restart on the same store (labels do not). */
@ExtendWith(MariaDbExtension.class)
class EmulatorRestartIT {

    @Test
    void aRestartedEmulatorFindsItsTablesAndRows(MariaDbServer mariaDb) throws Exception {
        aRestartedEmulatorFindsItsTablesAndRows(
                new MariaDbStore(new Store(mariaDb.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD)));
    }

    /** Two emulators one after the other on {@code store}: the second finds what the first loaded. */
    static void aRestartedEmulatorFindsItsTablesAndRows(RowStore store) throws Exception {
        try (StarRocksEmulator first = StarRocksEmulator.start(EmulatorSettings.defaults(), store)) {
            Jdbc.sql(first).execute("CREATE DATABASE IF NOT EXISTS restart_db",
                    "CREATE TABLE restart_db.t (id LARGEINT NOT NULL, tags ARRAY<STRING>) PRIMARY KEY(id)");
            assertThat(Http.of(first).streamLoad(first, "restart_db", "t", Map.of("format", "json"),
                    "{\"id\":1,\"tags\":[\"a\"]}").field("Status")).isEqualTo("Success");
        }
        try (StarRocksEmulator second = StarRocksEmulator.start(EmulatorSettings.defaults(), store)) {
            assertThat(Jdbc.sql(second).query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'restart_db' AND TABLE_NAME = 't'", rs -> rs.getString(1)))
                    .containsExactly("largeint(40)", "array<varchar(65533)>");
            assertThat(Http.of(second).streamLoad(second, "restart_db", "t", Map.of("format", "json"),
                    "{\"id\":2,\"tags\":[\"b\"]}").field("Status")).isEqualTo("Success");
            assertThat(Jdbc.sql(second).query("SELECT id, tags FROM restart_db.t ORDER BY id",
                    rs -> rs.getString(1) + rs.getString(2))).containsExactly("1[\"a\"]", "2[\"b\"]");
        }
    }
}
