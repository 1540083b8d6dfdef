package dev.pipelines.cdc.job;

import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.BOOL;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.NUMBER;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.TEXT;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.UTC_DATETIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.compare.ComparedTable;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.job.local.LatestCheckpoint;
import dev.pipelines.cdc.job.local.LocalRun;
import dev.pipelines.cdc.job.local.LocalRunArguments;
import dev.pipelines.cdc.job.local.RunEnding;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner ({@code hack/run-job-local.sh}'s {@link LocalRun}) against a real Postgres 17 and
 * the StarRocks emulator: stopped, or stopped by an ADD COLUMN, and run again with the same state
 * directory, it resumes from its latest checkpoint, and changes made while it was stopped (deletes
 * included) arrive; sink and source compared over every row and column.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class LocalRunIT {
  private static final Duration CHECKPOINT = Duration.ofMillis(500);

  @TempDir
  Path state;

  @Test
  void aStoppedRunResumesFromItsLatestCheckpointAndDeletesMadeMeanwhileArrive(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "local_resume";
    PipelineJobIT.createSourceTables(pg, schema, 300, 3000, 2);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    LocalRunArguments args = arguments(config);

    Path stoppedAt;
    try (LocalRun first = LocalRun.start(args, config, PipelineJobIT.credentials(sr))) {
      assertThat(first.restoredFrom()).as("a new state directory has nothing to restore").isEmpty();
      awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema));
      change(pg, schema, 1);
      awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema));
      awaitNewCheckpoint(args.checkpointsDir());

      RunEnding end = first.stop();
      assertThat(end.how()).isEqualTo(RunEnding.How.STOPPED);
      stoppedAt = LatestCheckpoint.in(args.checkpointsDir()).orElseThrow();
      assertThat(end.report(config.source(), args, Optional.of(stoppedAt), "hack/run-job-local.sh"))
          .contains("stopped; running the same command again resumes from checkpoint " + stoppedAt);
    }
    // Awaited: the walsender notices the closed connection on its own time (still active right after the stop once,
    // under a load average of 8).
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(pg.replicationSlots()).as("the stopped run's slot is kept, inactive")
            .anyMatch(s -> s.name().equals(schema + "_slot") && !s.active()));

    // While it is stopped: deletes (whole rows, and in a table with a two-column key), updates, inserts, and a row
    // deleted and inserted again.
    pg.superuserSql().execute(
        "DELETE FROM " + schema + ".customers WHERE id % 5 = 0",
        "DELETE FROM " + schema + ".orders WHERE id % 9 = 0",
        "DELETE FROM " + schema + ".order_items WHERE item_no = 2 AND order_id % 4 = 0",
        "UPDATE " + schema + ".orders SET note = 'while stopped', amount = amount + 1 WHERE id % 10 = 1",
        "INSERT INTO " + schema + ".customers SELECT g, 'late ' || g, null, true, now() FROM generate_series(2001, 2050) g",
        "BEGIN; DELETE FROM " + schema + ".customers WHERE id = 3; INSERT INTO " + schema
            + ".customers VALUES (3, 'back', 'b@x.org', false, '2001-02-03 04:05:06+00'); COMMIT");

    try (LocalRun second = LocalRun.start(args, config, PipelineJobIT.credentials(sr))) {
      assertThat(second.restoredFrom()).as("resumed from the checkpoint the stopped run left").contains(stoppedAt);
      // Flink really restored it: the new job numbers its checkpoints on from the restored one (a fresh job starts
      // at chk-1; polled every 100 ms its first one seen is a low number), and, restored in CLAIM mode, deletes the
      // restored one once it has a newer one.
      Path firstOfSecondRun = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> newestOfOtherJobs(args.checkpointsDir(), stoppedAt.getParent()), Optional::isPresent)
          .orElseThrow();
      assertThat(LatestCheckpoint.id(firstOfSecondRun)).isGreaterThan(LatestCheckpoint.id(stoppedAt));
      await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(stoppedAt));
      awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema));
      change(pg, schema, 2);
      awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema));
      assertThat(second.stop().how()).isEqualTo(RunEnding.How.STOPPED);
    }

    // The statements the run prints to drop the slot and publication work as printed.
    List<String> advice = RunEnding.slotAdvice(config.source(), args, "hack/run-job-local.sh");
    List<String> statements = advice.stream().map(String::strip)
        .filter(l -> l.startsWith("SELECT pg_drop_replication_slot(") || l.startsWith("DROP PUBLICATION"))
        .map(l -> l.substring(0, l.indexOf(';') + 1)).toList();
    assertThat(statements).hasSize(2);
    pg.superuserSql().execute(statements.toArray(String[]::new));
    assertThat(pg.replicationSlots()).noneMatch(s -> s.name().equals(schema + "_slot"));
    assertThat(pg.publications()).noneMatch(p -> p.name().equals(schema + "_pub"));
  }

  @Test
  void theAddColumnStopEndsTheRunAndRunningItAgainBringsTheNewColumn(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "local_ddl";
    PipelineJobIT.createSourceTables(pg, schema, 100, 500, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    LocalRunArguments args = arguments(config);

    try (LocalRun first = LocalRun.start(args, config, PipelineJobIT.credentials(sr))) {
      awaitEqual(pg, sr, SinkEqualsSource.threeTables(schema, schema));
      awaitNewCheckpoint(args.checkpointsDir());
      pg.superuserSql().execute(
          "ALTER TABLE " + schema + ".customers ADD COLUMN tier smallint",
          "UPDATE " + schema + ".customers SET tier = id % 3, name = name || '!' WHERE id <= 20",
          "DELETE FROM " + schema + ".customers WHERE id BETWEEN 21 AND 30");

      RunEnding end = first.awaitEnd(Duration.ofSeconds(60));
      assertThat(end.how()).isEqualTo(RunEnding.How.STOP_REASON);
      assertThat(end.message()).startsWith("[SchemaChanged] table local_ddl.customers changed while the job ran")
          .contains("new columns [tier]");
      Path latest = LatestCheckpoint.in(args.checkpointsDir()).orElseThrow();
      assertThat(end.report(config.source(), args, Optional.of(latest), "hack/run-job-local.sh"))
          .contains("running the same command again resumes from checkpoint " + latest
              + "; the new start first adapts the StarRocks table");
    }
    Path stoppedAt = LatestCheckpoint.in(args.checkpointsDir()).orElseThrow();
    pg.superuserSql().execute(
        "DELETE FROM " + schema + ".orders WHERE id % 4 = 0",
        "UPDATE " + schema + ".customers SET tier = 7 WHERE id = 50");

    try (LocalRun second = LocalRun.start(args, config, PipelineJobIT.credentials(sr))) {
      assertThat(second.restoredFrom()).contains(stoppedAt);
      List<Column> customers = List.of(new Column("id", NUMBER), new Column("name", TEXT), new Column("email", TEXT),
          new Column("vip", BOOL), new Column("created", UTC_DATETIME), new Column("tier", NUMBER));
      List<ComparedTable> tables = List.of(new ComparedTable(schema + ".customers", schema + ".customers", customers, 1),
          new ComparedTable(schema + ".orders", schema + ".orders", PipelineJobIT.ORDERS, 1),
          new ComparedTable(schema + ".order_items", schema + ".items", PipelineJobIT.ORDER_ITEMS, 2));
      awaitEqual(pg, sr, tables);
      assertThat(second.stop().how()).isEqualTo(RunEnding.How.STOPPED);
    }
  }

  private LocalRunArguments arguments(PipelineConfig config) throws Exception {
    Path file = state.resolve("pipeline.json");
    Files.writeString(file, dev.pipelines.cdc.config.PipelineConfigCodec.write(config));
    return LocalRunArguments.parse("--config", file.toString(), "--state-dir", state.resolve("state").toString(),
        "--parallelism", "2", "--checkpoint-interval", CHECKPOINT.toMillis() + "ms");
  }

  /** The newest complete checkpoint of any job but the one that wrote {@code jobDir}. */
  private static Optional<Path> newestOfOtherJobs(Path checkpoints, Path jobDir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(checkpoints, 3)) {
      return LatestCheckpoint.among(files.filter(f -> !f.startsWith(jobDir)).map(checkpoints::relativize).toList())
          .map(checkpoints::resolve);
    } catch (java.io.UncheckedIOException vanished) {
      return Optional.empty(); // a checkpoint deleted while listing; the next poll lists again
    }
  }

  /** Waits for a checkpoint completed after now, so it covers what StarRocks already shows. */
  private static void awaitNewCheckpoint(Path checkpoints) {
    Optional<Path> before = LatestCheckpoint.in(checkpoints);
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Optional<Path> now = LatestCheckpoint.in(checkpoints);
      return now.isPresent() && !now.equals(before);
    });
  }

  private static void change(PostgresServer pg, String schema, int round) {
    int base = 700_000 + round * 1000;
    pg.superuserSql().execute(
        "INSERT INTO " + schema + ".orders (id, customer_id, amount, placed, note) SELECT g, 1, g * 0.01,"
            + " '2025-01-01', 'round " + round + "' FROM generate_series(" + base + ", " + (base + 99) + ") g",
        "UPDATE " + schema + ".orders SET note = 'round " + round + "' WHERE id % 13 = " + round,
        "DELETE FROM " + schema + ".order_items WHERE order_id % 17 = " + round,
        "DELETE FROM " + schema + ".customers WHERE id = " + (100 + round));
  }

  private static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, List<ComparedTable> tables) {
    SinkEqualsSource.await(pg, sr, Duration.ofSeconds(120), tables);
  }
}
