package dev.pipelines.cdc.job;

import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.BOOL;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.DATE;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.JSON;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.NUMBER;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.PADDED;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.TEXT;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.UTC_DATETIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.compare.ComparedTable;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job (our main code path) from a real Postgres 17 into the StarRocks emulator: snapshot
 * of several tables over many chunks, then inserts, updates, deletes and multi-statement
 * transactions, compared row by row and column by column.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class PipelineJobIT {
  static final List<Column> CUSTOMERS = List.of(new Column("id", NUMBER), new Column("name", TEXT),
      new Column("email", TEXT), new Column("vip", BOOL), new Column("created", UTC_DATETIME));
  static final List<Column> ORDERS = List.of(new Column("id", NUMBER), new Column("customer_id", NUMBER),
      new Column("amount", NUMBER), new Column("placed", DATE), new Column("note", TEXT), new Column("tags", JSON),
      new Column("doc", JSON));
  static final List<Column> ORDER_ITEMS = List.of(new Column("order_id", NUMBER), new Column("item_no", NUMBER),
      new Column("sku", PADDED), new Column("qty", NUMBER), new Column("price", NUMBER));

  @TempDir
  Path checkpoints;

  /** Each test (each stress run) has a slot of its own: dropped after it. */
  @AfterEach
  void dropSlots(PostgresServer pg) {
    TestSlots.dropAll(pg, "e2e_");
  }

  @Test
  void snapshotThenChangesOfThreeTablesArriveExactly(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "e2e_basic";
    createSourceTables(pg, schema, 300, 2000, 3);
    PipelineConfig config = config(pg, sr, schema, "e2e_basic", DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, credentials(sr), checkpoints, 2, Optional.empty())) {
      awaitEqual(pg, sr, schema, "e2e_basic");

      pg.superuserSql().execute(
          "INSERT INTO " + schema + ".customers SELECT g, 'new ' || g, 'n' || g || '@x.org', false, now()"
              + " FROM generate_series(1001, 1100) g",
          "UPDATE " + schema + ".orders SET amount = amount * 2, note = 'doubled' WHERE id % 7 = 0",
          "DELETE FROM " + schema + ".order_items WHERE order_id % 11 = 0",
          "BEGIN; INSERT INTO " + schema + ".orders (id, customer_id, amount, placed) VALUES (90001, 1, 1.10, '2024-01-01');"
              + " UPDATE " + schema + ".orders SET amount = 2.20, tags = ARRAY['late'] WHERE id = 90001;"
              + " UPDATE " + schema + ".customers SET vip = true, name = 'renamed' WHERE id = 1;"
              + " DELETE FROM " + schema + ".orders WHERE id = 14; COMMIT",
          "BEGIN; DELETE FROM " + schema + ".customers WHERE id = 2; INSERT INTO " + schema
              + ".customers VALUES (2, 'reborn', null, true, '2000-01-01 00:00:00+05'); COMMIT");

      awaitEqual(pg, sr, schema, "e2e_basic");
    }
  }

  @Test
  void failedLoadsAndAPostgresRestartLoseNothing(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "e2e_faults";
    createSourceTables(pg, schema, 100, 500, 2);
    PipelineConfig config = config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, credentials(sr), checkpoints, 2, Optional.empty())) {
      awaitEqual(pg, sr, schema, schema);
      String lsnBefore = confirmedFlushLsn(pg, schema + "_slot");

      sr.faults().failNextLoads(3, 500);
      changeSomeRows(pg, schema, 1);
      awaitEqual(pg, sr, schema, schema);

      // A real restart (pg_ctl restart -m fast): the replication and snapshot connections are cut, and
      // reconnecting fails until the server accepts connections again.
      pg.restart();
      changeSomeRows(pg, schema, 2);
      sr.faults().dropConnectionOnNextLoads(2);
      changeSomeRows(pg, schema, 3);
      awaitEqual(pg, sr, schema, schema);

      await().atMost(Duration.ofSeconds(30)).until(() -> !confirmedFlushLsn(pg, schema + "_slot").equals(lsnBefore));
    }
  }

  @ParameterizedTest(name = "run {0}")
  @MethodSource("runs")
  void restartsFromCheckpointsMidSnapshotAndMidStreamLoseNothing(int run, PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    assertRestartsLoseNothing(pg, sr, runSchema("e2e_restart", run), DeliverySemantic.AT_LEAST_ONCE,
        FirstStop.MID_SNAPSHOT);
  }

  @ParameterizedTest(name = "run {0}")
  @MethodSource("runs")
  void exactlyOnceRestartsFromCheckpointsMidStreamLoseNothing(int run, PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    assertRestartsLoseNothing(pg, sr, runSchema("e2e_exactly", run), DeliverySemantic.EXACTLY_ONCE,
        FirstStop.AFTER_SNAPSHOT);
  }

  @ParameterizedTest(name = "run {0}")
  @MethodSource("runs")
  void exactlyOnceRestoreFromTheFirstCheckpointLosesNothing(int run, PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    assertRestartsLoseNothing(pg, sr, runSchema("e2e_early", run), DeliverySemantic.EXACTLY_ONCE,
        FirstStop.FIRST_CHECKPOINT);
  }

  /**
   * The first run stops at a checkpoint taken at a random point of the snapshot (after a random
   * share of the largest table has landed); the seed is printed so a failure can be replayed with
   * {@code -Dsnapshot.restore.seed=<seed>}.
   */
  @ParameterizedTest(name = "{0}, run {1}")
  @MethodSource("semanticsAndRuns")
  void restoresFromACheckpointAtARandomPointOfTheSnapshotLoseNothing(DeliverySemantic semantic, int run,
      PostgresServer pg, StarRocksEmulator sr) throws Exception {
    assertRestartsLoseNothing(pg, sr,
        runSchema("e2e_rand_" + semantic.name().toLowerCase(java.util.Locale.ROOT), run), semantic,
        FirstStop.RANDOM_IN_SNAPSHOT);
  }

  /**
   * How often each restore case runs: once in CI; {@code -Pstress} runs each {@code stress.runs} times
   * (20 unless given), each run with fresh tables, slot and checkpoints.
   */
  static IntStream runs() {
    return IntStream.rangeClosed(1, Integer.getInteger("cdc.stress.runs", 1));
  }

  static Stream<Arguments> semanticsAndRuns() {
    return Stream.of(DeliverySemantic.values()).flatMap(s -> runs().mapToObj(run -> Arguments.of(s, run)));
  }

  /** The first run keeps the case's own schema (and slot) name; later runs get their own. */
  private static String runSchema(String schema, int run) {
    return run == 1 ? schema : schema + "_" + run;
  }

  /** When the first run stops (as a lost JobManager would), leaving a checkpoint to restore. */
  private enum FirstStop {
    /** At the next checkpoint after a random share of the snapshot's rows have landed. */
    RANDOM_IN_SNAPSHOT,
    /** Right after its first checkpoint, while the source may still be splitting tables into chunks. */
    FIRST_CHECKPOINT,
    /** At the next checkpoint once snapshot rows have landed. */
    MID_SNAPSHOT,
    /** At the next checkpoint once the snapshot is complete. */
    AFTER_SNAPSHOT
  }

  private void assertRestartsLoseNothing(PostgresServer pg, StarRocksEmulator sr, String schema,
      DeliverySemantic semantic, FirstStop firstStop) throws Exception {
    createSourceTables(pg, schema, 1000, 20000, 2);
    PipelineConfig config = config(pg, sr, schema, schema, semantic);

    try (RunningPipeline first = RunningPipeline.start(config, credentials(sr), checkpoints, 2, Optional.empty())) {
      switch (firstStop) {
        case MID_SNAPSHOT -> await().atMost(Duration.ofSeconds(60)).until(() -> rowCount(sr, schema + ".items") > 0);
        case AFTER_SNAPSHOT -> awaitEqual(pg, sr, schema, schema);
        case FIRST_CHECKPOINT -> { }
        case RANDOM_IN_SNAPSHOT -> {
          long seed = Long.getLong("snapshot.restore.seed", System.nanoTime());
          long share = 1 + new java.util.Random(seed).nextInt(40_000);
          System.out.println("restore point after " + share + " of 40000 items (-Dsnapshot.restore.seed=" + seed + ")");
          await().atMost(Duration.ofSeconds(60)).until(() -> rowCount(sr, schema + ".items") >= share);
        }
      }
      Optional<Path> seen = first.latestCheckpoint();
      await().atMost(Duration.ofSeconds(30)).until(() -> !first.latestCheckpoint().equals(seen));
    }
    Path firstRestorePoint = RunningPipeline.latestCheckpoint(checkpoints);
    changeSomeRows(pg, schema, 1);

    boolean exactlyOnce = semantic == DeliverySemantic.EXACTLY_ONCE;
    try (RunningPipeline second = RunningPipeline.start(config, credentials(sr), checkpoints, 2, Optional.of(firstRestorePoint))) {
      awaitEqual(pg, sr, schema, schema);
      if (exactlyOnce) {
        // From here on every change the test makes is unique, so a change made visible twice is a duplicate load.
        sr.appliedChanges().start();
      }
      changeSomeRows(pg, schema, 2);
      Path before = RunningPipeline.latestCheckpoint(checkpoints);
      await().atMost(Duration.ofSeconds(30)).until(() -> !RunningPipeline.latestCheckpoint(checkpoints).equals(before));
    }
    changeSomeRows(pg, schema, 3);

    try (RunningPipeline third = RunningPipeline.start(config, credentials(sr), checkpoints, 2,
        Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      awaitEqual(pg, sr, schema, schema);
    }
    if (exactlyOnce) {
      sr.appliedChanges().stop();
      assertThat(sr.appliedChanges().total()).as("changes of rounds 2 and 3 made visible").isGreaterThan(400);
      assertThat(sr.appliedChanges().duplicates()).as("changes loaded twice across a stop and restore").isEmpty();
    }
  }

  @Test
  void addAndDropColumnMidStreamStopThenAResumeAltersStarRocks(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "e2e_ddl";
    createSourceTables(pg, schema, 50, 200, 1);
    PipelineConfig config = config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    try (RunningPipeline job = RunningPipeline.start(config, credentials(sr), checkpoints, 1, Optional.empty())) {
      awaitEqual(pg, sr, schema, schema);
      await().atMost(Duration.ofSeconds(30)).until(() -> job.latestCheckpoint().isPresent());
      pg.superuserSql().execute(
          "ALTER TABLE " + schema + ".customers ADD COLUMN tier smallint",
          "ALTER TABLE " + schema + ".customers DROP COLUMN email",
          "UPDATE " + schema + ".customers SET tier = id % 3, name = name || '!' WHERE id <= 10");

      assertThat(job.failure()).rootCause().hasMessageContaining("table e2e_ddl.customers changed while the job ran")
          .hasMessageContaining("new columns [tier]").hasMessageContaining("dropped columns [email]");
    }

    try (RunningPipeline resumed = RunningPipeline.start(config, credentials(sr), checkpoints, 1,
        Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      List<Column> customers = List.of(new Column("id", NUMBER), new Column("name", TEXT), new Column("vip", BOOL),
          new Column("created", UTC_DATETIME), new Column("tier", NUMBER));
      SinkEqualsSource.await(pg, sr, Duration.ofSeconds(120),
          List.of(new ComparedTable(schema + ".customers", schema + ".customers", customers, 1)));
    }
  }

  @Test
  void refusesTablesWithoutKeyAndUnknownPatternsBeforeStarting(PostgresServer pg, StarRocksEmulator sr) {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS e2e_refuse CASCADE", "CREATE SCHEMA e2e_refuse",
        "CREATE TABLE e2e_refuse.events (at timestamptz, what text)",
        "GRANT USAGE ON SCHEMA e2e_refuse TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA e2e_refuse TO " + PostgresServer.CDC_USER);
    PipelineConfig config = PipelineConfig.of(new PipelineId("it", "refuse"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE,
            List.of("e2e_refuse.events", "e2e_refuse.missing"), List.of(), "refuse_slot", "refuse_pub",
            StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), "e2e_refuse", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningPipeline.start(config, credentials(sr), checkpoints, 1,
            Optional.empty()))
        .hasMessageContaining("no table matches 'e2e_refuse.missing'")
        .hasMessageContaining("table e2e_refuse.events has no primary key");
    assertThat(pg.replicationSlots()).noneMatch(s -> s.name().equals("refuse_slot"));
  }

  @Test
  void wrongPasswordFailsOnceWithAClearMessage(PostgresServer pg, StarRocksEmulator sr) {
    pg.createPasswordCheckedRole("job_pw", "right");
    PipelineConfig config = config(pg, sr, "e2e_basic", "e2e_pw", DeliverySemantic.AT_LEAST_ONCE);
    Credentials wrong = new Credentials("job_pw", "not-the-password", sr.user(), sr.password());

    // Refused while planning, before a Flink job exists: nothing to restart, so no retry storm.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningPipeline.start(config, wrong, checkpoints, 1,
            Optional.empty()))
        .hasMessageContaining("password authentication failed for user \"job_pw\"");
  }

  static void changeSomeRows(PostgresServer pg, String schema, int round) {
    int base = 500_000 + round * 1000;
    pg.superuserSql().execute(
        "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, g * 0.01,"
            + " '2025-01-01', 'round " + round + "' FROM generate_series(" + base + ", " + (base + 199) + ") g",
        "UPDATE " + schema + ".orders SET note = 'updated in round " + round + "' WHERE id % 13 = " + round,
        "DELETE FROM " + schema + ".order_items WHERE order_id % 17 = " + round,
        "BEGIN; UPDATE " + schema + ".customers SET name = 'round " + round + "' WHERE id = " + round + ";"
            + " DELETE FROM " + schema + ".orders WHERE id = " + (base + 5) + "; COMMIT");
  }

  static long rowCount(StarRocksEmulator sr, String table) {
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        var st = s.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return 0;
    }
  }

  static String confirmedFlushLsn(PostgresServer pg, String slot) {
    return pg.replicationSlots().stream().filter(s -> s.name().equals(slot)).findFirst().orElseThrow()
        .confirmedFlushLsn();
  }

  static void createSourceTables(PostgresServer pg, String schema, int customers, int orders, int itemsPerOrder) {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE",
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customers (id int PRIMARY KEY, name text NOT NULL, email varchar(100),"
            + " vip boolean, created timestamptz)",
        "CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY, customer_id int, amount numeric(12,2),"
            + " placed date, note text, tags text[], doc jsonb)",
        "CREATE TABLE " + schema + ".order_items (order_id bigint, item_no int, sku char(8), qty smallint,"
            + " price numeric(10,2), PRIMARY KEY (order_id, item_no))",
        "INSERT INTO " + schema + ".customers SELECT g, 'customer ' || g, 'c' || g || '@example.org', g % 10 = 0,"
            + " timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 minute' FROM generate_series(1, "
            + customers + ") g",
        "INSERT INTO " + schema + ".orders SELECT g, 1 + g % " + customers + ", (g * 1.25)::numeric(12,2),"
            + " date '2024-01-01' + g % 365, CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END,"
            + " ARRAY['t' || (g % 5), 'x y'], jsonb_build_object('n', g, 'nested', jsonb_build_object('ok', g % 2 = 0))"
            + " FROM generate_series(1, " + orders + ") g",
        "INSERT INTO " + schema + ".order_items SELECT o, i, 'SKU' || (o % 100), (i * 2)::smallint, 9.99 * i"
            + " FROM generate_series(1, " + orders + ") o, generate_series(1, " + itemsPerOrder + ") i",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".customers, " + schema + ".orders, "
            + schema + ".order_items",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
  }

  /**
   * Makes the CDC user the owner of the schema's publication, its three tables and {@code more}, with
   * CREATE on the database: what the job needs to add a table to the publication itself.
   */
  static void ownedByTheCdcUser(PostgresServer pg, String schema, String... more) {
    java.util.List<String> sql = new java.util.ArrayList<>(List.of(
        "GRANT CREATE ON DATABASE " + PostgresServer.DATABASE + " TO " + PostgresServer.CDC_USER,
        "ALTER PUBLICATION " + schema + "_pub OWNER TO " + PostgresServer.CDC_USER));
    for (String table : java.util.stream.Stream.concat(Stream.of("customers", "orders", "order_items"),
        Stream.of(more)).toList()) {
      sql.add("GRANT SELECT ON " + schema + "." + table + " TO " + PostgresServer.CDC_USER);
      sql.add("ALTER TABLE " + schema + "." + table + " OWNER TO " + PostgresServer.CDC_USER);
    }
    pg.superuserSql().execute(sql.toArray(String[]::new));
  }

  static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, String schema, String db,
      DeliverySemantic semantic) {
    return PipelineConfig.of(new PipelineId("it", db.replace('_', '-')),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), db,
            List.of(new TableRoute(schema + ".order_items", "items")), true, semantic, 1000, Map.of()));
  }

  static Credentials credentials(StarRocksEmulator sr) {
    return new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, sr.user(), sr.password());
  }

  /** The three tables of {@link #createSourceTables}. */
  static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, String schema, String db) {
    SinkEqualsSource.await(pg, sr, Duration.ofSeconds(120), SinkEqualsSource.threeTables(schema, db));
  }
}
