package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.testsupport.MariaDbExtension;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory store and the MariaDB store hold the same rows after the same loads: generated batches of
 * values at their types' edges, deletes, repeated keys, partial updates, a transaction, ADD/DROP COLUMN.
 * Every row and column is compared as a client reads it (text and the driver's type), and so are the
 * loads' answers and the queries the tests and the bench send.
 */
@ExtendWith(MariaDbExtension.class)
class StoreEquivalenceIT {

    private static final String DB = "equivalence_db";
    private static final String TABLE = DB + ".edges";
    private static final Map<String, String> LOOSE = Map.of("format", "json", "strip_outer_array", "true",
            "max_filter_ratio", "1");

    private static StarRocksEmulator mariaDb;
    private static StarRocksEmulator memory;

    @BeforeAll
    static void start(MariaDbServer server) {
        mariaDb = StarRocksEmulator.start(EmulatorSettings.defaults(),
                new Store(server.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD));
        memory = StarRocksEmulator.startOwning(EmulatorSettings.defaults(), dev.pipelines.cdc.emulator.store.StoreKind.MEMORY);
        for (StarRocksEmulator sr : List.of(mariaDb, memory)) {
            Jdbc.sql(sr).execute("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                    String.format(EdgeBatches.DDL, TABLE));
        }
    }

    @AfterAll
    static void stop() {
        mariaDb.close();
        memory.close();
    }

    @Test
    void sameLoadsLeaveTheSameRowsInBothStores() throws Exception {
        EdgeBatches batches = new EdgeBatches(20261202);
        for (int round = 0; round < 6; round++) {
            loadBoth(LOOSE, batches.fullRows(400, 60));
            loadBoth(Map.of("format", "json", "strip_outer_array", "true", "strict_mode", "true",
                    "max_filter_ratio", "1"), batches.fullRows(100, 60));
            loadBoth(Map.of("format", "json", "strip_outer_array", "true", "max_filter_ratio", "1",
                    "partial_update", "true", "columns", "id,k2,c_int,c_varchar,c_dt"),
                    batches.partialRows(100, 80, List.of("c_int", "c_varchar", "c_dt")));
            assertSameRows("after round " + round);
        }
        String body = batches.fullRows(200, 60);
        for (StarRocksEmulator sr : List.of(mariaDb, memory)) {
            Http http = Http.of(sr);
            Map<String, String> headers = Map.of("label", "eq-txn", "db", DB, "table", "edges");
            assertThat(http.txn(sr, "begin", headers, null).field("Status")).isEqualTo("OK");
            Map<String, String> load = new LinkedHashMap<>(headers);
            load.putAll(LOOSE);
            // Straight to the BE: without Expect: 100-continue the FE's 307 can cut a large body short.
            assertThat(http.send("PUT", sr.beHttpUrl() + "/api/transaction/load", load, body).field("Status"))
                    .isEqualTo("OK");
            assertThat(http.txn(sr, "commit", headers, null).field("Status")).isEqualTo("OK");
        }
        assertSameRows("after a transaction");

        for (StarRocksEmulator sr : List.of(mariaDb, memory)) {
            Jdbc.sql(sr).execute("ALTER TABLE " + TABLE + " ADD COLUMN c_added DECIMAL(10,2) DEFAULT \"1.5\" AFTER c_int",
                    "ALTER TABLE " + TABLE + " DROP COLUMN c_small",
                    "ALTER TABLE " + TABLE + " ADD COLUMN c_when DATETIME DEFAULT \"2024-01-01\"");
        }
        assertSameRows("after ADD/DROP COLUMN");
        loadBoth(LOOSE, batches.fullRows(300, 90));
        assertSameRows("after loads into the altered table");
        assertThat(rows(memory, "SELECT * FROM " + TABLE)).as("the test must load rows").hasSizeGreaterThan(50);

        for (StarRocksEmulator sr : List.of(mariaDb, memory)) {
            Jdbc.sql(sr).execute("TRUNCATE TABLE " + TABLE);
        }
        loadBoth(LOOSE, batches.fullRows(50, 20));
        assertSameRows("after TRUNCATE and a load");
    }

    private static void loadBoth(Map<String, String> headers, String body) throws Exception {
        List<String> answers = new ArrayList<>();
        for (StarRocksEmulator sr : List.of(mariaDb, memory)) {
            // Straight to the BE: without Expect: 100-continue the FE's 307 can cut a large body short.
            Http.Reply reply = Http.of(sr).send("PUT", sr.beHttpUrl() + "/api/" + DB + "/edges/_stream_load",
                    headers, body);
            answers.add(reply.field("Status") + " loaded " + reply.field("NumberLoadedRows") + " filtered "
                    + reply.field("NumberFilteredRows") + " " + reply.field("Message"));
        }
        assertThat(answers.get(1)).as("the memory store's answer").isEqualTo(answers.get(0));
    }

    private static void assertSameRows(String when) throws SQLException {
        for (String query : List.of("SELECT * FROM " + TABLE + " ORDER BY id, k2",
                "SELECT * FROM " + TABLE,
                "SELECT count(*), coalesce(sum(id), 0), coalesce(sum(c_int), 0), coalesce(sum(char_length(c_varchar)), 0),"
                        + " sum(c_dec), min(c_dt), max(c_large), count(DISTINCT c_tiny) FROM " + TABLE,
                "SELECT id, k2, CAST(c_string AS CHAR CHARACTER SET utf8mb4) FROM " + TABLE
                        + " WHERE c_int IS NOT NULL AND (c_tiny > 0 OR c_bool = 1) AND k2 IN ('k0', 'k1') ORDER BY 2, 1 DESC",
                "SELECT COLUMN_NAME, ORDINAL_POSITION, COLUMN_KEY, DATA_TYPE, COLUMN_SIZE, DECIMAL_DIGITS"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + DB + "' AND TABLE_NAME = 'edges'")) {
            assertThat(rows(memory, query)).as(when + ": " + query).containsExactlyElementsOf(rows(mariaDb, query));
        }
    }

    /** getObject's class; the driver refuses some values both stores hold (year 0000 dates), which must match too. */
    private static String objectClass(ResultSet rs, int i) {
        try {
            Object o = rs.getObject(i);
            return o == null ? "<null>" : "<" + o.getClass().getSimpleName() + ">";
        } catch (SQLException e) {
            return "<refused: " + e.getMessage() + ">";
        }
    }

    /** Every column as the driver reads it: its type name, getString and getObject's class. */
    private static List<String> rows(StarRocksEmulator sr, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Jdbc.connect(sr, null); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder header = new StringBuilder("columns:");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.append(' ').append(md.getColumnLabel(i)).append('/').append(md.getColumnTypeName(i));
            }
            rows.add(header.toString());
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i == 1 ? "" : " | ").append(rs.getString(i)).append(' ').append(objectClass(rs, i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
