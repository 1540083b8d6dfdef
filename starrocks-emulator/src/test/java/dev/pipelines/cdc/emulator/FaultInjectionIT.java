package dev.pipelines.cdc.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault injection and request counting, the emulator's test-only API. */
@ExtendWith(StarRocksEmulatorExtension.class)
class FaultInjectionIT {

    private static final String DB = "fault_db";
    private static final Map<String, String> JSON = Map.of("format", "json");

    @BeforeAll
    static void schema(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".t (id INT NOT NULL) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
    }

    @BeforeEach
    @AfterEach
    void reset(StarRocksEmulator sr) {
        sr.reset();
    }

    private static long count(StarRocksEmulator sr, int id) {
        return ((Number) Jdbc.sql(sr).scalar("SELECT COUNT(*) FROM " + DB + ".t WHERE id = " + id)).longValue();
    }

    @Test
    void nextLoadsFailWithTheChosenStatusThenLoadsWorkAgain(StarRocksEmulator sr) throws Exception {
        sr.faults().failNextLoads(2, 503);
        Http http = Http.of(sr);
        assertThat(http.streamLoad(sr, DB, "t", JSON, "{\"id\":1}").status()).isEqualTo(503);
        assertThat(http.streamLoad(sr, DB, "t", JSON, "{\"id\":1}").status()).isEqualTo(503);
        assertThat(count(sr, 1)).isZero();
        assertThat(http.streamLoad(sr, DB, "t", JSON, "{\"id\":1}").field("Status")).isEqualTo("Success");
        assertThat(count(sr, 1)).isEqualTo(1);
        assertThat(sr.requestCount("/api/{db}/{table}/_stream_load")).isEqualTo(3);
        assertThat(sr.redirectCount()).isEqualTo(3);
    }

    @Test
    void aDroppedConnectionMidBodyLoadsNothing(StarRocksEmulator sr) {
        sr.faults().dropConnectionOnNextLoads(1);
        assertThatThrownBy(() -> Http.of(sr).streamLoad(sr, DB, "t", JSON, "{\"id\":2}" + " ".repeat(100_000)))
                .isInstanceOf(IOException.class);
        assertThat(count(sr, 2)).isZero();
    }

    @Test
    void aTimedOutLoadGetsNoAnswer(StarRocksEmulator sr) {
        sr.faults().timeOutNextLoads(1, Duration.ofSeconds(3));
        assertThatThrownBy(() -> Http.of(sr).timeout(Duration.ofSeconds(1)).streamLoad(sr, DB, "t", JSON, "{\"id\":3}"))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(count(sr, 3)).isZero();
    }

    @Test
    void publishTimeoutAppliesTheRowsButSaysSo(StarRocksEmulator sr) throws Exception {
        sr.faults().publishTimeoutOnNext(1);
        Http http = Http.of(sr);
        Http.Reply reply = http.streamLoad(sr, DB, "t", Map.of("format", "json", "label", "pt-1"), "{\"id\":4}");
        assertThat(reply.field("Status")).isEqualTo("Publish Timeout");
        assertThat(http.loadState(sr, DB, "pt-1").field("State")).isEqualTo("COMMITTED");
        assertThat(count(sr, 4)).isEqualTo(1);
    }

    @Test
    void publishTimeoutOnATransactionCommitIsReportedAsFailedButTheCommitStands(StarRocksEmulator sr) throws Exception {
        sr.faults().publishTimeoutOnNext(1);
        Http http = Http.of(sr);
        Map<String, String> h = Map.of("label", "pt-txn", "db", DB, "table", "t");
        http.txn(sr, "begin", h, null);
        http.txn(sr, "load", Map.of("label", "pt-txn", "db", DB, "table", "t", "format", "json"), "{\"id\":6}");
        http.txn(sr, "prepare", h, null);
        Http.Reply commit = http.txn(sr, "commit", h, null);
        assertThat(commit.field("Status")).isEqualTo("FAILED");
        assertThat(commit.field("Message")).isEqualTo("publish timeout");
        assertThat(http.loadState(sr, DB, "pt-txn").field("State")).isEqualTo("COMMITTED");
        assertThat(count(sr, 6)).isEqualTo(1);
    }

    @Test
    void faultsCanTargetOneTransactionEndpoint(StarRocksEmulator sr) throws Exception {
        sr.faults().failNext(Endpoint.TXN_COMMIT, 1, 500);
        Http http = Http.of(sr);
        Map<String, String> h = Map.of("label", "fault-commit", "db", DB, "table", "t");
        http.txn(sr, "begin", h, null);
        http.txn(sr, "load", Map.of("label", "fault-commit", "db", DB, "table", "t", "format", "json"), "{\"id\":5}");
        assertThat(http.txn(sr, "commit", h, null).status()).isEqualTo(500);
        assertThat(count(sr, 5)).isZero();
        assertThat(http.txn(sr, "commit", h, null).field("Status")).isEqualTo("OK");
        assertThat(count(sr, 5)).isEqualTo(1);
        assertThat(sr.requestCount("/api/transaction/commit")).isEqualTo(2);
        assertThat(sr.requestCount(Endpoint.TXN_BEGIN)).isEqualTo(1);
        assertThat(sr.requestCount("/api/fault_db/get_load_state")).isZero();
    }
}
