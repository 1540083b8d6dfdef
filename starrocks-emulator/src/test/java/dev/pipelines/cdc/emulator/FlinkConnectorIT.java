package dev.pipelines.cdc.emulator;

import com.starrocks.connector.flink.StarRocksSink;
import com.starrocks.connector.flink.table.sink.StarRocksSinkOptions;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * flink-connector-starrocks 1.2.10 (DataStream sink, JSON rows) against the emulator, end to end:
 * job build (transaction probe, current_version(), information_schema), loads, commits, restarts.
 */
@ExtendWith(StarRocksEmulatorExtension.class)
class FlinkConnectorIT {

    private static final String DB = "flink_db";

    @BeforeAll
    static void schema(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB);
        for (String table : List.of("alo_txn", "alo_plain", "exactly_once")) {
            Jdbc.sql(sr).execute("DROP TABLE IF EXISTS " + DB + "." + table,
                    "CREATE TABLE " + DB + "." + table + " (id BIGINT NOT NULL, v VARCHAR(32)) PRIMARY KEY(id)"
                            + " DISTRIBUTED BY HASH(id) BUCKETS 2");
        }
    }

    @BeforeEach
    void reset(StarRocksEmulator sr) {
        sr.reset();
    }

    private static StarRocksSinkOptions.Builder options(StarRocksEmulator sr, String table) {
        return StarRocksSinkOptions.builder()
                .withProperty("jdbc-url", sr.jdbcUrl())
                .withProperty("load-url", sr.loadUrl())
                .withProperty("database-name", DB)
                .withProperty("table-name", table)
                .withProperty("username", sr.user())
                .withProperty("password", sr.password())
                .withProperty("sink.properties.format", "json")
                .withProperty("sink.properties.strip_outer_array", "true")
                .withProperty("sink.buffer-flush.interval-ms", "1000")
                .withProperty("sink.socket.timeout-ms", "30000");
    }

    /** 100 upserts, then 10 updates and 10 deletes: ids 1..90 remain, 1..10 updated. */
    private static List<String> changes() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add("{\"id\":" + i + ",\"v\":\"v" + i + "\"}");
        }
        for (int i = 1; i <= 10; i++) {
            rows.add("{\"id\":" + i + ",\"v\":\"updated\",\"__op\":0}");
        }
        for (int i = 91; i <= 100; i++) {
            rows.add("{\"id\":" + i + ",\"__op\":1}");
        }
        return rows;
    }

    private static void runAtLeastOnce(StarRocksEmulator sr, StarRocksSinkOptions sinkOptions) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, restartOnce());
        env.fromData(changes()).addSink(StarRocksSink.sink(sinkOptions));
        env.execute("at-least-once");
    }

    private static void assertFinalRows(StarRocksEmulator sr, String table) {
        List<String> rows = Jdbc.sql(sr).query("SELECT id, v FROM " + DB + "." + table + " ORDER BY id",
                rs -> rs.getLong(1) + "=" + rs.getString(2));
        assertThat(rows).hasSize(90);
        assertThat(rows.subList(0, 10)).allMatch(r -> r.endsWith("=updated"));
        assertThat(rows.get(10)).isEqualTo("11=v11");
        assertThat(rows.get(89)).isEqualTo("90=v90");
    }

    @Test
    void atLeastOnceWithTransactionStreamLoad(StarRocksEmulator sr) throws Exception {
        runAtLeastOnce(sr, options(sr, "alo_txn").build());
        assertFinalRows(sr, "alo_txn");
        assertThat(sr.requestCount(Endpoint.TXN_COMMIT)).isPositive();
        assertThat(sr.requestCount(Endpoint.TXN_LOAD)).isPositive();
        assertThat(sr.requestCount(Endpoint.STREAM_LOAD)).isZero();
        assertThat(sr.redirectCount()).as("the connector followed FE -> BE redirects").isPositive();
    }

    /** The connector does not retry a 5xx itself: the task fails and Flink's restart replays the rows. */
    @Test
    void atLeastOnceWithPlainStreamLoadRecoversFromA503ByRestarting(StarRocksEmulator sr) throws Exception {
        sr.faults().failNextLoads(1, 503);
        runAtLeastOnce(sr, options(sr, "alo_plain")
                .withProperty("sink.at-least-once.use-transaction-stream-load", "false")
                .build());
        assertFinalRows(sr, "alo_plain");
        assertThat(sr.requestCount(Endpoint.STREAM_LOAD)).isGreaterThanOrEqualTo(2);
        assertThat(sr.requestCount(Endpoint.TXN_COMMIT)).isZero();
    }

    private static Configuration restartOnce() {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "2");
        conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
        return conf;
    }

    @Test
    void exactlyOnceLosesNothingAndLeaksNothingAcrossARestart(StarRocksEmulator sr) throws Exception {
        FailingSource.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, restartOnce());
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(1500);
        env.addSource(new FailingSource()).addSink(StarRocksSink.sink(options(sr, "exactly_once")
                .withProperty("sink.semantic", "exactly-once")
                .withProperty("sink.label-prefix", "eo")
                .build()));
        env.execute("exactly-once");

        long restoredAt = FailingSource.RESTORED_OFFSET.get();
        long failedAt = FailingSource.FAILED_AT.get();
        assertThat(FailingSource.FAILED.get()).as("the job failed once mid-stream").isTrue();
        assertThat(restoredAt).as("it restarted from a checkpoint").isPositive().isLessThan(failedAt);

        List<Long> ids = Jdbc.sql(sr).query("SELECT id FROM " + DB + ".exactly_once ORDER BY id", rs -> rs.getLong(1));
        // Attempt 0 wrote ids 1..failedAt; only those covered by the restored checkpoint may be visible.
        assertThat(ids.stream().filter(id -> id < FailingSource.ATTEMPT_OFFSET))
                .as("rows of attempt 0 after the checkpoint must have been rolled back")
                .hasSize((int) restoredAt).allMatch(id -> id <= restoredAt);
        assertThat(ids.stream().filter(id -> id > FailingSource.ATTEMPT_OFFSET))
                .as("attempt 1 resumes after the checkpoint and finishes")
                .hasSize((int) (FailingSource.TOTAL - restoredAt))
                .allMatch(id -> id > FailingSource.ATTEMPT_OFFSET + restoredAt);
        assertThat(sr.requestCount(Endpoint.LOAD_STATE)).as("the writer checked labels on restore").isPositive();
    }

    /**
     * Emits ids 1..TOTAL (offset by ATTEMPT_OFFSET * attempt number, so each attempt's rows are told
     * apart); attempt 0 fails 100 rows after a checkpoint has completed (min pause 1.5 s keeps a
     * second checkpoint from covering them).
     */
    static final class FailingSource extends RichSourceFunction<String>
            implements CheckpointedFunction, CheckpointListener {

        static final long TOTAL = 600;
        static final long ATTEMPT_OFFSET = 1_000_000;
        private static final long PAUSE_AT = 300;
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicLong RESTORED_OFFSET = new AtomicLong();
        static final AtomicLong FAILED_AT = new AtomicLong();
        static final AtomicInteger COMPLETED = new AtomicInteger();
        private static final AtomicLong FAIL_AT = new AtomicLong(Long.MAX_VALUE);

        private transient ListState<Long> state;
        private volatile boolean running = true;
        private long offset;

        static void reset() {
            FAILED.set(false);
            RESTORED_OFFSET.set(0);
            FAILED_AT.set(0);
            COMPLETED.set(0);
            FAIL_AT.set(Long.MAX_VALUE);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("offset", Long.class));
            for (Long restored : state.get()) {
                offset = restored;
            }
            if (context.isRestored()) {
                RESTORED_OFFSET.set(offset);
            }
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            while (running && offset < TOTAL) {
                if (attempt == 0 && offset == PAUSE_AT) {
                    // Wait (without the checkpoint lock) for a completed checkpoint, however slow the
                    // machine, then fail 100 rows later so those rows sit in an open transaction.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (COMPLETED.get() == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    FAIL_AT.set(offset + 100);
                }
                synchronized (ctx.getCheckpointLock()) {
                    offset++;
                    long id = attempt * ATTEMPT_OFFSET + offset;
                    ctx.collect("{\"id\":" + id + ",\"v\":\"attempt" + attempt + "\"}");
                }
                if (attempt == 0 && offset >= FAIL_AT.get()) {
                    FAILED_AT.set(offset);
                    FAILED.set(true);
                    throw new IllegalStateException("injected failure after a checkpoint");
                }
                Thread.sleep(3);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of(offset));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
