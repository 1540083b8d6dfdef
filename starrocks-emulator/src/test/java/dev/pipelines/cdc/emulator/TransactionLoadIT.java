package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stream Load transaction interface ({@code /api/transaction/*}) and label states. */
@ExtendWith(StarRocksEmulatorExtension.class)
class TransactionLoadIT {

    private static final String DB = "txn_db";

    @BeforeAll
    static void schema(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".t (id INT NOT NULL, v VARCHAR(10)) PRIMARY KEY(id)"
                        + " DISTRIBUTED BY HASH(id)");
    }

    private static Map<String, String> txn(String label, String... extra) {
        Map<String, String> h = new HashMap<>(Map.of("label", label, "db", DB, "table", "t"));
        for (int i = 0; i < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return h;
    }

    private static List<String> rows(StarRocksEmulator sr, String where) {
        Sql sql = Jdbc.sql(sr);
        return sql.query("SELECT id, v FROM " + DB + ".t WHERE " + where + " ORDER BY id",
                rs -> rs.getInt(1) + "=" + rs.getString(2));
    }

    @Test
    void rowsBecomeVisibleAtCommitAndAllAtOnce(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        String label = "commit-1";
        Http.Reply begin = http.txn(sr, "begin", txn(label, "timeout", "60"), null);
        assertThat(begin.field("Status")).isEqualTo("OK");
        assertThat(begin.json().get("TxnId").asLong()).isPositive();
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("PREPARE");

        Map<String, String> json = txn(label, "format", "json", "strip_outer_array", "true");
        Http.Reply load1 = http.txn(sr, "load", json, "[{\"id\":1,\"v\":\"a\"},{\"id\":2,\"v\":\"b\"}]");
        assertThat(load1.field("Status")).isEqualTo("OK");
        assertThat(load1.field("NumberLoadedRows")).isEqualTo("2");
        http.txn(sr, "load", json, "[{\"id\":3,\"v\":\"c\"},{\"id\":1,\"__op\":1}]");
        assertThat(rows(sr, "id <= 3")).as("nothing visible before commit").isEmpty();

        Http.Reply prepare = http.txn(sr, "prepare", txn(label), null);
        assertThat(prepare.field("Status")).isEqualTo("OK");
        assertThat(prepare.field("NumberTotalRows")).isEqualTo("4");
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("PREPARED");
        assertThat(rows(sr, "id <= 3")).isEmpty();

        Http.Reply commit = http.txn(sr, "commit", txn(label), null);
        assertThat(commit.field("Status")).isEqualTo("OK");
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("VISIBLE");
        assertThat(rows(sr, "id <= 3")).containsExactly("2=b", "3=c");

        Http.Reply again = http.txn(sr, "commit", txn(label), null);
        assertThat(again.field("Status")).as("committing a committed label is idempotent").isEqualTo("OK");
        assertThat(again.field("Message")).isEqualTo("Transaction already commited");
        assertThat(http.txn(sr, "rollback", txn(label), null).field("Status")).isEqualTo("FAILED");
        assertThat(rows(sr, "id <= 3")).containsExactly("2=b", "3=c");
    }

    @Test
    void theJournalCountsEachVisibleChangeOnceAndReportsAReloadAsADuplicate(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        sr.appliedChanges().start();
        try {
            String label = "journal-1";
            Map<String, String> json = txn(label, "format", "json", "strip_outer_array", "true");
            http.txn(sr, "begin", txn(label), null);
            http.txn(sr, "load", json, "[{\"id\":50,\"v\":\"a\"},{\"id\":51,\"v\":\"b\"}]");
            http.txn(sr, "prepare", txn(label), null);
            http.txn(sr, "commit", txn(label), null);
            http.txn(sr, "commit", txn(label), null);
            http.txn(sr, "begin", txn("journal-aborted"), null);
            http.txn(sr, "load", txn("journal-aborted", "format", "json"), "{\"id\":52,\"v\":\"c\"}");
            http.txn(sr, "rollback", txn("journal-aborted"), null);
            assertThat(sr.appliedChanges().total()).as("a re-commit and a rollback apply nothing").isEqualTo(2);
            assertThat(sr.appliedChanges().duplicates()).isEmpty();

            String again = "journal-2";
            http.txn(sr, "begin", txn(again), null);
            http.txn(sr, "load", txn(again, "format", "json"), "{\"id\":51,\"v\":\"b\"}");
            http.txn(sr, "commit", txn(again), null);
            assertThat(sr.appliedChanges().duplicates())
                    .containsExactly(Map.entry(DB + ".t UPSERT {id=51, v=b}", 2L));
        } finally {
            sr.appliedChanges().stop();
        }
    }

    @Test
    void rollbackOfAPreparedTransactionDiscardsItsRows(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        String label = "rollback-1";
        http.txn(sr, "begin", txn(label), null);
        http.txn(sr, "load", txn(label, "format", "json"), "{\"id\":10,\"v\":\"x\"}");
        http.txn(sr, "prepare", txn(label), null);
        Http.Reply rollback = http.txn(sr, "rollback", txn(label), null);
        assertThat(rollback.field("Status")).isEqualTo("OK");
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("ABORTED");
        Http.Reply commit = http.txn(sr, "commit", txn(label), null);
        assertThat(commit.field("Status")).isEqualTo("FAILED");
        assertThat(commit.field("Message")).isEqualTo("Transcation Not Exist");
        assertThat(rows(sr, "id = 10")).isEmpty();
    }

    @Test
    void labelsAreUniqueAndUnknownOnesReportUnknownOrNotExist(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        assertThat(http.txn(sr, "begin", txn("dup-1"), null).field("Status")).isEqualTo("OK");
        Http.Reply dup = http.txn(sr, "begin", txn("dup-1"), null);
        assertThat(dup.field("Status")).isEqualTo("LABEL_ALREADY_EXISTS");
        assertThat(dup.field("ExistingJobStatus")).isEqualTo("RUNNING");
        assertThat(dup.field("Message")).isEqualTo("Label [dup-1] has already been used.");
        assertThat(http.loadState(sr, DB, "dup-1").field("State"))
                .as("beginning with the label of an open transaction rolls that transaction back").isEqualTo("ABORTED");

        assertThat(http.loadState(sr, DB, "never-used").field("State")).isEqualTo("UNKNOWN");
        Http.Reply commit = http.txn(sr, "commit", txn("never-used"), null);
        assertThat(commit.field("Status")).isEqualTo("FAILED");
        assertThat(commit.field("Message")).isEqualTo("Transcation Not Exist");
        Http.Reply load = http.txn(sr, "load", txn("never-used", "format", "json"), "{}");
        assertThat(load.field("Status")).isEqualTo("FAILED");
        assertThat(load.field("Message")).isEqualTo("TXN_NOT_EXISTS");
    }

    @Test
    void rowsBufferedBeforeASchemaChangeStillCommit(StarRocksEmulator sr) throws Exception {
        Jdbc.sql(sr).execute("CREATE TABLE IF NOT EXISTS " + DB + ".evolving (id INT NOT NULL, a INT, b INT)"
                + " PRIMARY KEY(id)");
        Http http = Http.of(sr);
        Map<String, String> h = Map.of("label", "evolve-1", "db", DB, "table", "evolving");
        http.txn(sr, "begin", h, null);
        http.txn(sr, "load", Map.of("label", "evolve-1", "db", DB, "table", "evolving", "format", "json"),
                "{\"id\":1,\"a\":1,\"b\":2}");
        Jdbc.sql(sr).execute("ALTER TABLE " + DB + ".evolving DROP COLUMN a",
                "ALTER TABLE " + DB + ".evolving ADD COLUMN c INT DEFAULT '7'");
        assertThat(http.txn(sr, "commit", h, null).field("Status")).isEqualTo("OK");
        assertThat(Jdbc.sql(sr).query("SELECT id, b, c FROM " + DB + ".evolving",
                rs -> rs.getInt(1) + "," + rs.getInt(2) + "," + rs.getInt(3))).containsExactly("1,2,7");
    }

    @Test
    void loadingIntoAPreparedTransactionIsAnInvalidState(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        http.txn(sr, "begin", txn("prepared-1"), null);
        http.txn(sr, "prepare", txn("prepared-1"), null);
        Http.Reply load = http.txn(sr, "load", txn("prepared-1", "format", "json"), "{\"id\":40}");
        assertThat(load.field("Status")).isEqualTo("FAILED");
        assertThat(load.field("Message")).isEqualTo("Transcation State Invalid");
        http.txn(sr, "rollback", txn("prepared-1"), null);
    }

    @Test
    void beginWithoutALabelIsAnErrorButNotNotImplemented(StarRocksEmulator sr) throws Exception {
        // flink-connector-starrocks probes with an empty begin; only FAILED + "Not implemented" means unsupported.
        Http.Reply probe = Http.of(sr).send("POST", sr.feHttpUrl() + "/api/transaction/begin", Map.of(), null);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.field("Status")).isNotEqualTo("OK");
        assertThat(probe.field("Message")).isNotEqualTo("Not implemented");
    }

    @Test
    void tooManyFilteredRowsAbortTheTransactionAtPrepare(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        String label = "filtered-1";
        http.txn(sr, "begin", txn(label), null);
        Http.Reply load = http.txn(sr, "load", txn(label, "format", "json", "strip_outer_array", "true"),
                "[{\"id\":20,\"v\":\"ok\"},{\"id\":null,\"v\":\"no key\"}]");
        assertThat(load.field("NumberFilteredRows")).isEqualTo("1");
        assertThat(load.field("ErrorURL")).isNotNull();
        Http.Reply prepare = http.txn(sr, "prepare", txn(label), null);
        assertThat(prepare.field("Status")).isEqualTo("FAILED");
        assertThat(prepare.field("ErrorURL")).isNotNull();
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("ABORTED");
        assertThat(rows(sr, "id = 20")).isEmpty();
    }

    @Test
    void anOpenTransactionExpiresAfterItsTimeout(StarRocksEmulator sr) throws Exception {
        Http http = Http.of(sr);
        String label = "expiring-1";
        http.txn(sr, "begin", txn(label, "timeout", "1"), null);
        http.txn(sr, "begin", txn("idle-1", "idle_transaction_timeout", "2"), null);
        http.txn(sr, "begin", txn("busy-1", "idle_transaction_timeout", "2"), null);
        // Margins are wide so a loaded CI machine cannot flip the outcome.
        for (int i = 0; i < 5; i++) {
            Thread.sleep(450);
            http.txn(sr, "load", txn("busy-1", "format", "json"), "{\"id\":31,\"v\":\"busy\"}");
        }
        assertThat(http.loadState(sr, DB, label).field("State")).isEqualTo("ABORTED");
        assertThat(http.loadState(sr, DB, "idle-1").field("State")).isEqualTo("ABORTED");
        assertThat(http.loadState(sr, DB, "busy-1").field("State")).as("loads keep it alive").isEqualTo("PREPARE");
        assertThat(http.txn(sr, "load", txn(label, "format", "json"), "{\"id\":30}").field("Status"))
                .isEqualTo("FAILED");
        http.txn(sr, "rollback", txn("busy-1"), null);
    }
}
