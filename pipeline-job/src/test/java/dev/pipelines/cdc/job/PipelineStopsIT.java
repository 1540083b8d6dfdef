package dev.pipelines.cdc.job;

import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.NUMBER;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.emulator.Endpoint;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.compare.ComparedTable;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The job's stops against the emulator, with the real job: a row StarRocks refuses and a TRUNCATE
 * stop the job once (Flink's own restart count stays 0, although the tests' cluster would restart it
 * 20 times), with a message naming what and where; a transient fault is retried with backoff and
 * ends with every row and column equal.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class PipelineStopsIT {
  private static final List<Column> ACCOUNTS = List.of(new Column("id", NUMBER), new Column("owner", TEXT),
      new Column("note", TEXT));

  @TempDir
  Path checkpoints;

  /**
   * The Postgres server is shared by every test class in this JVM, and its replication slots are few
   * (max_replication_slots): drop the slots these tests made once their jobs have let go of them.
   */
  @AfterEach
  void dropTheSlotsOfTheseTests(PostgresServer pg) {
    await().atMost(Duration.ofSeconds(60)).until(() -> pg.replicationSlots().stream()
        .noneMatch(s -> s.name().startsWith("stop_") && s.active()));
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE slot_name LIKE 'stop\\_%' AND NOT active");
  }

  /**
   * The StarRocks table is stricter than the source (its {@code note} is NOT NULL), as a table made
   * by hand can be: StarRocks filters the row, the load fails with "too many filtered rows".
   */
  @ParameterizedTest
  @EnumSource(DeliverySemantic.class)
  void aRowStarRocksRefusesStopsThePipelineOnceNamingTableColumnAndKey(DeliverySemantic semantic, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "stop_poison_" + (semantic == DeliverySemantic.EXACTLY_ONCE ? "eo" : "alo");
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".accounts (id int PRIMARY KEY, owner text NOT NULL, note varchar(20))",
        "INSERT INTO " + schema + ".accounts SELECT g, 'owner ' || g, 'n' || g FROM generate_series(1, 50) g",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".accounts",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    starRocks(sr, "CREATE DATABASE IF NOT EXISTS " + schema,
        "CREATE TABLE " + schema + ".accounts (id INT NOT NULL, owner VARCHAR(65533) NOT NULL,"
            + " note VARCHAR(20) NOT NULL) PRIMARY KEY (id) DISTRIBUTED BY HASH (id)");
    PipelineConfig config = PipelineConfig.of(new PipelineId("it", schema.replace('_', '-')),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + ".accounts"),
            List.of(), schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), schema, List.of(), true, semantic, 1000,
            Map.of()));

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      awaitEqual(pg, sr, new ComparedTable(schema + ".accounts", schema + ".accounts", ACCOUNTS, 1));
      long refusalsBefore = sr.requestCount(Endpoint.ERROR_LOG);
      long started = System.nanoTime();

      pg.superuserSql().execute("INSERT INTO " + schema + ".accounts VALUES (1000, 'ann', NULL)");

      Throwable failure = job.failure();
      System.out.printf("%s: stopped %d ms after the insert; failure chain: %s%n", schema,
          (System.nanoTime() - started) / 1_000_000, chain(failure));
      PipelineStop stop = ExceptionUtils.findThrowable(failure, PipelineStop.class).orElseThrow(
          () -> new AssertionError("no PipelineStop in " + chain(failure), failure));
      assertThat(stop.reason()).isEqualTo(JobStopReason.ROW_REJECTED);
      assertThat(stop.getMessage()).startsWith("[RowRejected] table " + schema + ".accounts (StarRocks " + schema
          + ".accounts), column note, key id=1000: StarRocks refused the load (too many filtered rows)");
      assertThat(job.restarts()).as("Flink's restarts of the job").isZero();
      assertThat(sr.requestCount(Endpoint.ERROR_LOG) - refusalsBefore).as("loads StarRocks refused").isEqualTo(1);
      // What the operator reads when the Flink operator kept too few causes to show the marker.
      assertThat(failure.getCause()).as("the job's failure, as the JobManager reports it")
          .isInstanceOf(org.apache.flink.runtime.JobException.class).hasMessage("The failure is not recoverable");
    }
  }

  /** StarRocks answers 503 for a while: the connector's retries run out, Flink restarts the job with backoff. */
  @Test
  void aTransientFaultIsRetriedWithBackoffAndLosesNothing(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "stop_transient";
    PipelineJobIT.createSourceTables(pg, schema, 100, 500, 2);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty(), true)) {
      awaitThreeTablesEqual(pg, sr, schema);
      long loadsBefore = sr.requestCount(Endpoint.TXN_LOAD);

      sr.faults().failNextLoads(12, 503);
      pg.superuserSql().execute(
          "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, g * 0.01,"
              + " '2025-01-01', 'during the fault' FROM generate_series(600000, 600199) g",
          "UPDATE " + schema + ".customers SET name = 'changed during the fault' WHERE id % 3 = 0",
          "DELETE FROM " + schema + ".order_items WHERE order_id % 5 = 0");

      awaitThreeTablesEqual(pg, sr, schema);
      System.out.printf("%s: %d restarts, %d loads during and after the fault%n", schema, job.restarts(),
          sr.requestCount(Endpoint.TXN_LOAD) - loadsBefore);
      assertThat(sr.requestCount(Endpoint.TXN_LOAD) - loadsBefore).as("loads, 12 of them refused").isGreaterThan(12);
      assertThat(job.restarts()).as("Flink's restarts of the job").isPositive();
      assertThat(job.client().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }
  }

  /**
   * TRUNCATE stops the job at its place in the change order; then the documented steps (empty every
   * StarRocks table of the pipeline, drop the slot, start without the checkpoint) end equal.
   */
  @ParameterizedTest(name = "{0}, during the snapshot: {1}")
  @CsvSource({"AT_LEAST_ONCE, false", "EXACTLY_ONCE, false", "AT_LEAST_ONCE, true", "EXACTLY_ONCE, true"})
  void aTruncateStopsOnceAndTheDocumentedStepsRecoverExactly(DeliverySemantic semantic, boolean duringSnapshot,
      PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "stop_trunc_" + (semantic == DeliverySemantic.EXACTLY_ONCE ? "eo" : "alo")
        + (duringSnapshot ? "_snap" : "_stream");
    int orders = duringSnapshot ? 40_000 : 500;
    PipelineJobIT.createSourceTables(pg, schema, 100, orders, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, semantic);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      if (duringSnapshot) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
            .until(() -> rowsOrZero(sr, schema + ".orders") + rowsOrZero(sr, schema + ".items") > 0);
      } else {
        awaitThreeTablesEqual(pg, sr, schema);
      }
      long loadedBefore = rowsOrZero(sr, schema + ".orders") + rowsOrZero(sr, schema + ".items");
      pg.superuserSql().execute(
          "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, 1.00, '2025-01-01',"
              + " 'before the truncate' FROM generate_series(700000, 700009) g",
          "TRUNCATE " + schema + ".orders",
          "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, 2.00, '2025-01-02',"
              + " 'after the truncate' FROM generate_series(800000, 800009) g",
          "INSERT INTO " + schema + ".customers SELECT g, 'after the truncate', null, false, now()"
              + " FROM generate_series(5000, 5009) g",
          "DELETE FROM " + schema + ".order_items WHERE order_id <= 50");
      if (duringSnapshot) {
        System.out.printf("%s: %d of %d snapshot rows loaded when the truncate ran%n", schema, loadedBefore,
            2L * orders);
        assertThat(loadedBefore).as("rows loaded before the truncate: the snapshot was running").isLessThan(2L * orders);
      }

      // During the snapshot the stream reaches the truncate only once every chunk has been read.
      Throwable failure = job.failure(Duration.ofMinutes(4));
      PipelineStop stop = ExceptionUtils.findThrowable(failure, PipelineStop.class).orElseThrow(
          () -> new AssertionError("no PipelineStop in " + chain(failure), failure));
      System.out.printf("%s: failure chain: %s%n", schema, chain(failure));
      assertThat(stop.reason()).isEqualTo(JobStopReason.TRUNCATE_NOT_REPLICATED);
      assertThat(stop.getMessage())
          .startsWith("[TruncateNotReplicated] table " + schema + ".orders was truncated in Postgres")
          .contains("StarRocks table " + schema + ".orders still holds the rows from before the truncate")
          .contains("[" + schema + ".customers, " + schema + ".items, " + schema + ".orders]");
      assertThat(job.restarts()).as("Flink's restarts of the job").isZero();
      // Nothing the stream carries after the truncate was applied (changes of every table stop there).
      // During the snapshot, chunks read after the truncate show the tables as they are then (rows
      // inserted after it included): only the stream's order can be checked, and the recovery below.
      if (!duringSnapshot) {
        assertThat(rowCount(sr, schema + ".customers WHERE id >= 5000")).as("customers inserted after it").isZero();
        assertThat(rowCount(sr, schema + ".orders WHERE id >= 800000")).as("orders inserted after it").isZero();
        assertThat(rowCount(sr, schema + ".items WHERE order_id <= 50")).as("items deleted after it").isPositive();
      }
    }

    // The documented way on (docs/pipeline-job.md, Changes and their edge cases), as a local run takes it.
    starRocks(sr, "TRUNCATE TABLE " + schema + ".customers", "TRUNCATE TABLE " + schema + ".orders",
        "TRUNCATE TABLE " + schema + ".items");
    await().atMost(Duration.ofSeconds(90)).until(() -> pg.replicationSlots().stream()
        .noneMatch(s -> s.name().equals(schema + "_slot") && s.active()));
    pg.superuserSql().execute("SELECT pg_drop_replication_slot('" + schema + "_slot')");
    try (RunningPipeline fresh = RunningPipeline.start(config, PipelineJobIT.credentials(sr),
        checkpoints.resolve("fresh"), 2, Optional.empty())) {
      awaitThreeTablesEqual(pg, sr, schema);
      assertThat(rowCount(sr, schema + ".orders WHERE id >= 800000")).isEqualTo(10);
    }
  }

  private static String chain(Throwable failure) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      b.append(b.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
    }
    return b.toString();
  }

  private static void starRocks(StarRocksEmulator sr, String... statements) throws Exception {
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        var st = s.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /** Rows in StarRocks; a failing query fails the test (so a zero is a real zero). */
  static long rowCount(StarRocksEmulator sr, String tableAndCondition) throws java.sql.SQLException {
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        var st = s.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + tableAndCondition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** For polling while the tables may not exist yet. */
  private static long rowsOrZero(StarRocksEmulator sr, String table) {
    try {
      return rowCount(sr, table);
    } catch (java.sql.SQLException notYet) {
      return 0;
    }
  }

  private static void awaitThreeTablesEqual(PostgresServer pg, StarRocksEmulator sr, String schema) {
    awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema).toArray(ComparedTable[]::new));
  }

  private static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, ComparedTable... tables) {
    SinkEqualsSource.await(pg, sr, Duration.ofSeconds(180), List.of(tables));
  }
}
