package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large and odd transactions through the stream, each compared row by row and column by column: one
 * transaction of {@link #LARGE_ROWS} inserts with updates and deletes (1,000,000 with
 * {@code -Dit.largeTransactionRows=1000000}); one that also writes a table the pipeline does not capture;
 * rows changed many times inside one transaction; and a TRUNCATE between inserts in one transaction.
 *
 * <p>What bounds the job's memory for a large transaction: pgoutput (protocol 1) sends a transaction
 * only once it committed, change by change, and nothing on the way holds a whole transaction: Debezium's
 * queue (8,192 changes, batches of 2,048), Flink's queue between fetcher and reader (two batches), the
 * network buffers, and the sink's buffer ({@code sink.buffer-flush.max-bytes}), flushed when full.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class LargeTransactionsIT {
  static final int LARGE_ROWS = Integer.getInteger("it.largeTransactionRows", 200_000);

  @TempDir
  Path checkpoints;

  @AfterEach
  void dropSlots(PostgresServer pg) {
    TestSlots.dropAll(pg, "bigtx_");
  }

  @Test
  void oneLargeTransactionStreamsExactly(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "bigtx_large";
    try (RunningPipeline job = started(pg, sr, schema)) {
      long start = System.nanoTime();
      inOneTransaction(pg,
          "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note, tags, doc) SELECT g, 1 + g % 50,"
              + " (g % 100000) * 0.01, date '2024-01-01' + g % 365, 'large ' || g, ARRAY['a', 'b c'],"
              + " jsonb_build_object('g', g) FROM generate_series(1000000, " + (1_000_000 + LARGE_ROWS - 1) + ") g",
          "UPDATE " + schema + ".orders SET note = 'updated in the large transaction' WHERE id % 3 = 0",
          "DELETE FROM " + schema + ".order_items WHERE order_id % 2 = 0");
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      System.out.printf("[bigtx] one transaction of %,d inserts (and updates, deletes): equal after %.1f s%n",
          LARGE_ROWS, (System.nanoTime() - start) / 1e9);
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".orders")).isGreaterThanOrEqualTo(LARGE_ROWS);
    }
  }

  @Test
  void aTransactionThatAlsoWritesAnUncapturedTableDeliversOnlyTheCapturedChanges(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "bigtx_mixed";
    pg.superuserSql().execute("DROP TABLE IF EXISTS public.bigtx_uncaptured",
        "CREATE TABLE public.bigtx_uncaptured (id bigint PRIMARY KEY, note text)");
    try (RunningPipeline job = started(pg, sr, schema)) {
      inOneTransaction(pg,
          "INSERT INTO public.bigtx_uncaptured SELECT g, 'not captured' FROM generate_series(1, 5000) g",
          "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, 1.5, '2025-01-01',"
              + " 'between uncaptured writes' FROM generate_series(900000, 900999) g",
          "UPDATE public.bigtx_uncaptured SET note = 'changed' WHERE id % 2 = 0",
          "UPDATE " + schema + ".customers SET name = 'mixed transaction' WHERE id <= 10",
          "DELETE FROM public.bigtx_uncaptured WHERE id > 4000",
          "DELETE FROM " + schema + ".order_items WHERE order_id <= 20");
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
    }
  }

  @Test
  void rowsChangedManyTimesInOneTransactionEndInTheirFinalState(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "bigtx_often";
    try (RunningPipeline job = started(pg, sr, schema)) {
      String[] statements = new String[306];
      int i = 0;
      for (int n = 1; n <= 300; n++) {
        statements[i++] = "UPDATE " + schema + ".orders SET amount = " + n + ", note = 'version " + n
            + "', doc = jsonb_build_object('v', " + n + ") WHERE id IN (1, 2, 3)";
      }
      // inserted, changed and deleted inside the transaction: never visible
      statements[i++] = "INSERT INTO " + schema + ".orders (id, customer_id, note) VALUES (910000, 1, 'short-lived')";
      statements[i++] = "UPDATE " + schema + ".orders SET note = 'still short-lived' WHERE id = 910000";
      statements[i++] = "DELETE FROM " + schema + ".orders WHERE id = 910000";
      // deleted and inserted again with other values: the new row
      statements[i++] = "DELETE FROM " + schema + ".orders WHERE id = 4";
      statements[i++] = "INSERT INTO " + schema + ".orders (id, customer_id, amount, note) VALUES (4, 2, 9.99, 'reborn')";
      // a key changed: the old key deleted, the new one inserted
      statements[i++] = "UPDATE " + schema + ".customers SET id = 9000 WHERE id = 7";
      inOneTransaction(pg, statements);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".orders WHERE id = 910000")).isZero();
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".customers WHERE id = 7")).isZero();
    }
  }

  @Test
  void aTruncateBetweenInsertsInOneTransactionStopsAtItsPlace(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "bigtx_trunc";
    try (RunningPipeline job = started(pg, sr, schema)) {
      inOneTransaction(pg,
          "INSERT INTO " + schema + ".orders (id, customer_id, note) SELECT g, 1, 'before' FROM generate_series(700000, 700009) g",
          "TRUNCATE " + schema + ".order_items",
          "INSERT INTO " + schema + ".order_items (order_id, item_no, qty) SELECT g, 1, 1 FROM generate_series(800000, 800009) g",
          "INSERT INTO " + schema + ".customers (id, name) SELECT g, 'after' FROM generate_series(5000, 5009) g");
      Throwable failure = job.failure(Duration.ofMinutes(3));
      PipelineStop stop = ExceptionUtils.findThrowable(failure, PipelineStop.class)
          .orElseThrow(() -> new AssertionError("no PipelineStop", failure));
      assertThat(stop.reason()).isEqualTo(JobStopReason.TRUNCATE_NOT_REPLICATED);
      assertThat(stop.getMessage()).startsWith("[TruncateNotReplicated] table " + schema + ".order_items was truncated");
      assertThat(job.restarts()).isZero();
      // Nothing after the TRUNCATE reached StarRocks; the emptied table kept its rows.
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".items WHERE order_id >= 800000")).isZero();
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".customers WHERE id >= 5000")).isZero();
      assertThat(PipelineStopsIT.rowCount(sr, schema + ".items")).isPositive();
    }
  }

  private RunningPipeline started(PostgresServer pg, StarRocksEmulator sr, String schema) throws Exception {
    PipelineJobIT.createSourceTables(pg, schema, 50, 300, 2);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2, Optional.empty());
    PipelineJobIT.awaitEqual(pg, sr, schema, schema);
    return job;
  }

  private static void inOneTransaction(PostgresServer pg, String... statements) throws Exception {
    try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (String sql : statements) {
        st.execute(sql);
      }
      c.commit();
    }
  }
}
