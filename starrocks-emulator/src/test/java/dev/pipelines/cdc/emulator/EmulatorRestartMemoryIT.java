package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.memory.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EmulatorRestartIT} on one memory store: a restarted emulator on the same instance finds its tables and rows. */
class EmulatorRestartMemoryIT {

    @Test
    void aRestartedEmulatorFindsItsTablesAndRows() throws Exception {
        try (MemoryStore store = new MemoryStore()) {
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
}
