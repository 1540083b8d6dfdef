package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshot meets a source that changed under it, with the real job against the emulator: a
 * table made unreadable or dropped after the job planned, a table dropped while the snapshot runs,
 * and a slot of the pipeline's name that is not the pipeline's. Each stops the job once (Flink's
 * restart count stays 0, although the tests' cluster would restart it 20 times) with one line naming
 * what and the fix; where there is a fix to take, taking it ends with every row and column equal.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class SnapshotBadInputIT {
  @TempDir
  Path checkpoints;

  @AfterEach
  void dropTheSlotsOfTheseTests(PostgresServer pg) {
    await().atMost(Duration.ofSeconds(60)).until(() -> pg.replicationSlots().stream()
        .noneMatch(s -> s.name().startsWith("bad_") && s.active()));
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE slot_name LIKE 'bad\\_%' AND NOT active");
  }

  @Test
  void selectRevokedAfterPlanningStopsOnceNamingTableAndGrantAndTheGrantRecoversExactly(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "bad_revoked";
    PipelineJobIT.createSourceTables(pg, schema, 100, 2000, 2);
    pg.superuserSql().execute("ANALYZE " + schema + ".customers", "ANALYZE " + schema + ".orders",
        "ANALYZE " + schema + ".order_items");
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty(), false, () -> pg.superuserSql().execute("REVOKE SELECT ON " + schema + ".orders FROM "
            + PostgresServer.CDC_USER))) {
      PipelineStop stop = stopOf(job);
      assertThat(stop.reason()).isEqualTo(JobStopReason.SOURCE_NOT_READY);
      assertThat(stop.getMessage()).isEqualTo("[SourceNotReady] the snapshot cannot read table " + schema + ".orders"
          + " (permission denied for table orders): grant the pipeline's user SELECT on it (GRANT SELECT ON \""
          + schema + "\".\"orders\" TO " + PostgresServer.CDC_USER + ") or leave the table out with excludeTables,"
          + " then start the pipeline again; its unfinished splits are read again whole");
      assertThat(job.restarts()).as("Flink's restarts of the job").isZero();
    }

    // The fix the message names, then a start as the Flink operator makes it (from the last checkpoint, if any).
    pg.superuserSql().execute("GRANT SELECT ON " + schema + ".orders TO " + PostgresServer.CDC_USER);
    Optional<Path> last = lastCheckpoint();
    try (RunningPipeline again = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2, last)) {
      pg.superuserSql().execute("UPDATE " + schema + ".orders SET note = 'after the grant' WHERE id % 7 = 0");
      SinkEqualsSource.await(pg, sr, Duration.ofSeconds(180), SinkEqualsSource.threeTables(schema, schema));
    }
  }

  @Test
  void aTableDroppedAfterPlanningStopsOnceNamingIt(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "bad_dropped_early";
    PipelineJobIT.createSourceTables(pg, schema, 100, 200, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty(), false, () -> pg.superuserSql().execute("DROP TABLE " + schema + ".orders"))) {
      PipelineStop stop = stopOf(job);
      assertThat(stop.reason()).isEqualTo(JobStopReason.SOURCE_NOT_READY);
      assertThat(stop.getMessage()).startsWith("[SourceNotReady] a captured table was dropped after the job planned")
          .contains(schema + ".orders").contains("create it again, or leave it out with excludeTables")
          .doesNotContain("\n");
      assertThat(job.restarts()).as("Flink's restarts of the job").isZero();
    }
  }

  /**
   * The items (100,000 rows) are read first, the orders last (splits go in catalog order): the
   * orders are dropped once the first items are in StarRocks, before a reader opened them.
   */
  @Test
  void aTableDroppedDuringTheSnapshotStopsOnceNamingItAndTheFix(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "bad_dropped";
    PipelineJobIT.createSourceTables(pg, schema, 100, 20_000, 5);
    pg.superuserSql().execute("ANALYZE " + schema + ".customers", "ANALYZE " + schema + ".orders",
        "ANALYZE " + schema + ".order_items");
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
          .until(() -> rowsOrZero(sr, schema + ".items") > 0);
      try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
        // A reader that has opened the table holds a lock until the snapshot ends: then the race is lost.
        st.execute("SET lock_timeout = '5s'");
        st.execute("DROP TABLE " + schema + ".orders");
      }
      long itemsLoaded = rowsOrZero(sr, schema + ".items");
      System.out.printf("%s: %d of 100000 items loaded when the orders were dropped%n", schema, itemsLoaded);

      PipelineStop stop = stopOf(job);
      assertThat(stop.reason()).isEqualTo(JobStopReason.SOURCE_NOT_READY);
      assertThat(stop.getMessage()).startsWith("[SourceNotReady] table " + schema + ".orders was dropped during the"
          + " snapshot (relation \"" + schema + ".orders\" does not exist")
          .contains("StarRocks holds only part of it: create it again, or leave it out with excludeTables")
          .contains("start the pipeline without its checkpoint").doesNotContain("\n");
      // At most one restart: when flink-cdc's stream reader asks for the captured tables' schemas after
      // the drop, it fails first ("Error to discover table schemas: null", a NullPointerException) and
      // Flink restarts the job once before the snapshot's stop (seen once in CI; docs/known-issues.md).
      assertThat(job.restarts()).as("Flink's restarts of the job").isLessThanOrEqualTo(1);
    }
  }

  /** At a first start, and at every start after it (a restore included), before the graph is built. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"test_decoding", "physical", "other database"})
  void aSlotOfThePipelinesNameThatIsNotItsOwnIsRefusedAtEverySubmission(String kind, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "bad_slot_" + kind.replace(' ', '_');
    PipelineJobIT.createSourceTables(pg, schema, 10, 10, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    String slot = config.source().slotName();
    switch (kind) {
      case "test_decoding" -> pg.superuserSql().execute(
          "SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");
      case "physical" -> pg.superuserSql().execute("SELECT pg_create_physical_replication_slot('" + slot + "')");
      default -> {
        pg.superuserSql().execute("DROP DATABASE IF EXISTS bad_other", "CREATE DATABASE bad_other");
        try (Connection other = DriverManager.getConnection(pg.jdbcUrl().replace("/" + PostgresServer.DATABASE,
            "/bad_other"), PostgresServer.SUPERUSER, "");
            Statement st = other.createStatement()) {
          st.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
      }
    }
    try {
      for (int submission = 1; submission <= 2; submission++) {
        assertThatThrownBy(() -> RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1,
            Optional.empty()))
            .as("submission %d", submission)
            .satisfies(t -> assertThat(ExceptionUtils.findThrowable(t, PipelineStop.class)).hasValueSatisfying(stop ->
                assertThat(stop.getMessage()).startsWith("[SourceNotReady] replication slot " + slot + " exists")
                    .contains(kind.equals("other database") ? "exists in database bad_other, not in postgres"
                        : kind.equals("physical") ? "is a physical slot" : "a logical slot of plugin test_decoding")
                    .contains("give the pipeline another slotName").doesNotContain("\n")));
      }
      assertThat(pg.replicationSlots()).as("left alone").anyMatch(s -> s.name().equals(slot));
    } finally {
      if (kind.equals("other database")) {
        try (Connection other = DriverManager.getConnection(pg.jdbcUrl().replace("/" + PostgresServer.DATABASE,
            "/bad_other"), PostgresServer.SUPERUSER, "");
            Statement st = other.createStatement()) {
          st.execute("SELECT pg_drop_replication_slot('" + slot + "')");
        }
        pg.superuserSql().execute("DROP DATABASE bad_other");
      } else {
        pg.superuserSql().execute("SELECT pg_drop_replication_slot('" + slot + "')");
      }
    }
  }

  private Optional<Path> lastCheckpoint() {
    try {
      return Optional.of(RunningPipeline.latestCheckpoint(checkpoints));
    } catch (AssertionError none) {
      return Optional.empty();
    }
  }

  private static PipelineStop stopOf(RunningPipeline job) throws Exception {
    Throwable failure = job.failure();
    assertThat(failure).as("the job failed").isNotNull();
    return ExceptionUtils.findThrowable(failure, PipelineStop.class)
        .orElseThrow(() -> new AssertionError("no PipelineStop in the failure", failure));
  }

  private static long rowsOrZero(StarRocksEmulator sr, String table) {
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        var st = s.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException notYet) {
      return 0;
    }
  }
}
