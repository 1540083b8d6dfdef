package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain Stream Load ({@code PUT /api/{db}/{table}/_stream_load}), per the StarRocks documentation. */
@ExtendWith(StarRocksEmulatorExtension.class)
class StreamLoadIT {

    private static final String DB = "load_db";
    private static final Map<String, String> JSON = Map.of("format", "json", "strip_outer_array", "true");

    @BeforeAll
    static void database(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB);
    }

    private Sql sql;
    private Http http;
    private String table;

    @BeforeEach
    void table(StarRocksEmulator sr, org.junit.jupiter.api.TestInfo info) {
        sql = Jdbc.sql(sr);
        http = Http.of(sr);
        String method = info.getTestMethod().orElseThrow().getName().toLowerCase();
        table = method.substring(0, Math.min(24, method.length()));
        sql.execute("DROP TABLE IF EXISTS " + DB + "." + table,
                "CREATE TABLE " + DB + "." + table + " (id INT NOT NULL, name VARCHAR(8) NOT NULL, score INT,"
                        + " note STRING) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
    }

    private List<String> rows() {
        return sql.query("SELECT id, name, score, note FROM " + DB + "." + table + " ORDER BY id",
                rs -> rs.getInt(1) + "," + rs.getString(2) + "," + rs.getObject(3) + "," + rs.getString(4));
    }

    @Test
    void feRedirectsToTheBeBeforeTheBodyIsSent(StarRocksEmulator sr) throws Exception {
        try (Socket socket = new Socket(sr.host(), sr.feHttpPort())) {
            OutputStream out = socket.getOutputStream();
            String auth = Base64.getEncoder().encodeToString((sr.user() + ":" + sr.password())
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("PUT /api/" + DB + "/" + table + "/_stream_load HTTP/1.1\r\nHost: " + sr.loadUrl()
                    + "\r\nAuthorization: Basic " + auth + "\r\nExpect: 100-continue\r\nContent-Length: 9\r\n"
                    + "format: json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 307");
            String location = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("location:")) {
                    location = line.substring(9).trim();
                }
            }
            assertThat(location).isEqualTo(sr.beHttpUrl() + "/api/" + DB + "/" + table + "/_stream_load");
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void jsonLoadUpsertsByPrimaryKeyAndReportsCounts(StarRocksEmulator sr) throws Exception {
        Http.Reply first = http.streamLoad(sr, DB, table, JSON,
                "[{\"id\":1,\"name\":\"a\",\"score\":10},{\"id\":2,\"name\":\"b\",\"score\":20}]");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("Status")).isEqualTo("Success");
        assertThat(first.field("NumberTotalRows")).isEqualTo("2");
        assertThat(first.field("NumberLoadedRows")).isEqualTo("2");
        assertThat(first.field("NumberFilteredRows")).isEqualTo("0");
        assertThat(first.json().get("TxnId").asLong()).isPositive();
        assertThat(first.field("Label")).isNotBlank();

        http.streamLoad(sr, DB, table, JSON, "[{\"id\":2,\"name\":\"b2\"},{\"id\":3,\"name\":\"c\",\"score\":30}]");
        // A full-row upsert replaces the row: score was not sent, so it becomes NULL.
        assertThat(rows()).containsExactly("1,a,10,null", "2,b2,null,null", "3,c,30,null");
    }

    @Test
    void csvLoadWithColumnsHeaderMapsFieldsByPosition(StarRocksEmulator sr) throws Exception {
        Http.Reply reply = http.streamLoad(sr, DB, table, Map.of("format", "csv", "column_separator", ",",
                "columns", "name,id,score"), "x,1,5\ny,2,\\N\n");
        assertThat(reply.field("Status")).isEqualTo("Success");
        assertThat(rows()).containsExactly("1,x,5,null", "2,y,null,null");
    }

    @Test
    void opOneDeletesByKey(StarRocksEmulator sr) throws Exception {
        http.streamLoad(sr, DB, table, JSON, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]");
        Http.Reply reply = http.streamLoad(sr, DB, table, Map.of("format", "json", "strip_outer_array", "true",
                "columns", "id,name,score,note,__op"), "[{\"id\":1,\"__op\":1},{\"id\":3,\"name\":\"c\",\"__op\":0}]");
        assertThat(reply.field("Status")).isEqualTo("Success");
        assertThat(rows()).containsExactly("2,b,null,null", "3,c,null,null");

        // Within one load the changes of a key apply in order: the last one wins.
        http.streamLoad(sr, DB, table, JSON, "[{\"id\":5,\"name\":\"a\"},{\"id\":5,\"__op\":1},"
                + "{\"id\":5,\"name\":\"c\"},{\"id\":2,\"__op\":1},{\"id\":6,\"name\":\"x\"},"
                + "{\"id\":6,\"name\":\"y\"},{\"id\":6,\"__op\":1}]");
        assertThat(rows()).containsExactly("3,c,null,null", "5,c,null,null");
    }

    @Test
    void aConstantOpInTheColumnsHeaderAppliesToEveryRow(StarRocksEmulator sr) throws Exception {
        http.streamLoad(sr, DB, table, JSON, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]");
        Http.Reply reply = http.streamLoad(sr, DB, table, Map.of("format", "csv", "column_separator", ",",
                "columns", "__op='delete'"), "1,a,\\N,\\N\n");
        assertThat(reply.field("Status")).isEqualTo("Success");
        assertThat(rows()).containsExactly("2,b,null,null");
        Http.Reply expression = http.streamLoad(sr, DB, table, Map.of("format", "csv", "columns", "id,name,x=id+1"),
                "3\tc\n");
        assertThat(expression.field("Status")).isEqualTo("Fail");
        assertThat(expression.field("Message")).contains("not supported by the emulator");
    }

    @Test
    void partialUpdateKeepsColumnsThatAreNotSent(StarRocksEmulator sr) throws Exception {
        http.streamLoad(sr, DB, table, JSON, "[{\"id\":1,\"name\":\"a\",\"score\":10,\"note\":\"keep\"}]");
        Http.Reply reply = http.streamLoad(sr, DB, table, Map.of("format", "json", "strip_outer_array", "true",
                "partial_update", "true", "columns", "id,score"), "[{\"id\":1,\"score\":11}]");
        assertThat(reply.field("Status")).isEqualTo("Success");
        assertThat(rows()).containsExactly("1,a,11,keep");
    }

    @Test
    void filteredRowsFailTheLoadPastMaxFilterRatioWithAnExplainingErrorUrl(StarRocksEmulator sr) throws Exception {
        String body = "[{\"id\":1,\"name\":\"ok\"},{\"id\":2,\"name\":null},{\"id\":3,\"name\":\"waytoolong\"}]";
        Http.Reply failed = http.streamLoad(sr, DB, table, JSON, body);
        assertThat(failed.field("Status")).isEqualTo("Fail");
        assertThat(failed.field("NumberFilteredRows")).isEqualTo("2");
        assertThat(failed.field("ErrorURL")).startsWith(sr.beHttpUrl());
        assertThat(rows()).as("a failed load applies nothing").isEmpty();
        Http.Reply log = http.send("GET", failed.field("ErrorURL"), Map.of(), null);
        assertThat(log.body()).contains("NULL value in non-nullable column 'name'").contains("waytoolong");

        Map<String, String> tolerant = Map.of("format", "json", "strip_outer_array", "true", "max_filter_ratio", "0.7");
        Http.Reply passed = http.streamLoad(sr, DB, table, tolerant, body);
        assertThat(passed.field("Status")).isEqualTo("Success");
        assertThat(passed.field("NumberLoadedRows")).isEqualTo("1");
        assertThat(passed.field("ErrorURL")).isNotNull();
        assertThat(rows()).containsExactly("1,ok,null,null");
    }

    @Test
    void aLabelCanBeUsedOnceUnlessItsLoadFailed(StarRocksEmulator sr) throws Exception {
        Map<String, String> labelled = Map.of("format", "json", "label", "once-" + table);
        assertThat(http.streamLoad(sr, DB, table, labelled, "{\"id\":1,\"name\":\"a\"}").field("Status"))
                .isEqualTo("Success");
        Http.Reply again = http.streamLoad(sr, DB, table, labelled, "{\"id\":2,\"name\":\"b\"}");
        assertThat(again.field("Status")).isEqualTo("Label Already Exists");
        assertThat(again.field("ExistingJobStatus")).isEqualTo("FINISHED");
        assertThat(http.loadState(sr, DB, "once-" + table).field("State")).isEqualTo("VISIBLE");
        assertThat(rows()).containsExactly("1,a,null,null");

        Map<String, String> failing = Map.of("format", "json", "label", "retry-" + table);
        assertThat(http.streamLoad(sr, DB, table, failing, "{\"id\":5,\"name\":null}").field("Status"))
                .isEqualTo("Fail");
        assertThat(http.loadState(sr, DB, "retry-" + table).field("State")).isEqualTo("ABORTED");
        assertThat(http.streamLoad(sr, DB, table, failing, "{\"id\":5,\"name\":\"e\"}").field("Status"))
                .isEqualTo("Success");
    }

    @Test
    void unknownDatabaseTableOrColumnAndBadCredentialsFail(StarRocksEmulator sr) throws Exception {
        Http.Reply noDb = http.streamLoad(sr, "no_db", table, JSON, "[]");
        assertThat(noDb.field("Status")).isEqualTo("Fail");
        assertThat(noDb.field("Message")).contains("no_db");
        Http.Reply noTable = http.streamLoad(sr, DB, "no_table", JSON, "[]");
        assertThat(noTable.field("Status")).isEqualTo("Fail");
        assertThat(noTable.field("Message")).contains("no_table");
        Http.Reply noColumn = http.streamLoad(sr, DB, table, Map.of("format", "json", "columns", "id,nope"),
                "{\"id\":1}");
        assertThat(noColumn.field("Status")).isEqualTo("Fail");
        assertThat(noColumn.field("Message")).contains("Unknown column 'nope'");
        Http.Reply denied = new Http(sr.user(), "wrong").streamLoad(sr, DB, table, JSON, "[]");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(rows()).isEmpty();
    }

    @Test
    void aKeyLongerThanTheBesPrimaryKeyLimitFailsTheLoad(StarRocksEmulator sr) throws Exception {
        sql.execute("CREATE TABLE IF NOT EXISTS " + DB + ".long_keys (k VARCHAR(1000) NOT NULL, v INT)"
                + " PRIMARY KEY(k) DISTRIBUTED BY HASH(k)");
        assertThat(http.streamLoad(sr, DB, "long_keys", JSON, "[{\"k\":\"" + "x".repeat(128) + "\",\"v\":1}]")
                .field("Status")).isEqualTo("Success");
        Http.Reply tooLong = http.streamLoad(sr, DB, "long_keys", JSON,
                "[{\"k\":\"short\",\"v\":1},{\"k\":\"" + "x".repeat(129) + "\",\"v\":1}]");
        assertThat(tooLong.field("Status")).isEqualTo("Fail");
        assertThat(tooLong.field("Message")).contains("primary key size exceed the limit");
        assertThat(sql.scalar("SELECT COUNT(*) FROM " + DB + ".long_keys").toString()).isEqualTo("1");
    }

    @Test
    void typesRoundTripThroughTheQueryPath(StarRocksEmulator sr) throws Exception {
        sql.execute("CREATE TABLE IF NOT EXISTS " + DB + ".typed (id LARGEINT NOT NULL, b BOOLEAN, d DECIMAL(10,3),"
                + " dt DATETIME, day DATE, j JSON, arr ARRAY<INT>) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
        Http.Reply reply = http.streamLoad(sr, DB, "typed", JSON, "[{\"id\":\"170141183460469231731687303715884105727\","
                + "\"b\":true,\"d\":1.23456,\"dt\":\"2024-05-06 07:08:09\",\"day\":\"2024-05-06\","
                + "\"j\":{\"k\":[1,2]},\"arr\":[1,2,3]}]");
        assertThat(reply.field("Status")).isEqualTo("Success");
        assertThat(sql.query("SELECT id, b, d, dt, day, j, arr FROM " + DB + ".typed", rs -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        })).containsExactly("170141183460469231731687303715884105727|1|1.235|2024-05-06 07:08:09|2024-05-06|"
                + "{\"k\":[1,2]}|[1,2,3]|");
        assertThat(sql.scalar("SELECT b FROM " + DB + ".typed")).isEqualTo(true);
    }
}
