package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.PublishedChange;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.source.PublicationWatch;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A publication someone else changed, with the real job against the emulator: one that does not
 * publish every kind of change, or publishes a partitioned table as its partitions, is refused
 * before the job starts (by the planning rules preflight shares); a captured table removed from the
 * publication while the job streams stops it once, within {@link PublicationWatch#PERIOD}, naming
 * the table and the fix.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class SourceBadInputIT {
  @TempDir
  Path checkpoints;

  @AfterEach
  void dropTheSlotsOfTheseTests(PostgresServer pg) {
    await().atMost(Duration.ofSeconds(60)).until(() -> pg.replicationSlots().stream()
        .noneMatch(s -> s.name().startsWith("badpub_") && s.active()));
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE slot_name LIKE 'badpub\\_%' AND NOT active");
  }

  @Test
  void aPublicationWithoutDeletesAndTruncatesIsRefusedAtStartNamingTheFix(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "badpub_ops";
    PipelineJobIT.createSourceTables(pg, schema, 10, 10, 1);
    pg.superuserSql().execute("ALTER PUBLICATION " + schema + "_pub SET (publish = 'insert, update')");
    try (Connection c = pg.cdcConnection()) {
      assertThat(CatalogQuery.read(c, schema + "_pub").publication()).get()
          .extracting(CatalogPublication::publishes).isEqualTo(Set.of(PublishedChange.INSERT, PublishedChange.UPDATE));
    }
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    assertThatThrownBy(() -> RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1,
        Optional.empty()))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessage("the pipeline cannot start: publication " + schema + "_pub does not publish delete, truncate"
            + " (publish = 'insert, update'), so StarRocks would keep deleted rows, a TRUNCATE would pass unseen instead"
            + " of stopping the job; as its owner run ALTER PUBLICATION " + schema + "_pub SET (publish = 'insert,"
            + " update, delete, truncate')");
    assertThat(pg.replicationSlots()).as("nothing created").noneMatch(s -> s.name().equals(schema + "_slot"));
  }

  @Test
  void aPartitionedTableInAPublicationWithoutPartitionRootIsRefusedAtStart(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "badpub_parted";
    pg.superuserSql().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day)",
        "CREATE TABLE " + schema + ".events_2025 PARTITION OF " + schema + ".events FOR VALUES FROM ('2025-01-01')"
            + " TO ('2026-01-01')",
        "INSERT INTO " + schema + ".events SELECT g, date '2025-01-01' + g FROM generate_series(1, 10) g",
        "DROP PUBLICATION IF EXISTS " + schema + "_pub",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".events",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    PipelineConfig config = PipelineConfig.of(new PipelineId("it", "badpub-parted"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), schema, List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));

    assertThatThrownBy(() -> RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1,
        Optional.empty()))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("publication " + schema + "_pub publishes " + schema + ".events as their partitions"
            + " (publish_via_partition_root is off)")
        .hasMessageContaining("ALTER PUBLICATION " + schema + "_pub SET (publish_via_partition_root = true)")
        .hasMessageNotContaining("ADD TABLE");
  }

  /** After the snapshot, and with {@code startupMode: latest-offset} (the stream alone, no snapshot source). */
  @ParameterizedTest
  @EnumSource(StartupMode.class)
  void aTableRemovedFromThePublicationWhileStreamingStopsTheJobOnceNamingItAndTheFix(StartupMode mode,
      PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "badpub_removed_" + (mode == StartupMode.INITIAL ? "initial" : "latest");
    PipelineJobIT.createSourceTables(pg, schema, 50, 100, 1);
    PipelineConfig initial = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    PostgresSourceConfig source = initial.source();
    PipelineConfig config = PipelineConfig.of(initial.pipeline(), new PostgresSourceConfig(source.host(),
        source.port(), source.database(), source.tables(), source.excludeTables(), source.slotName(),
        source.publicationName(), mode, source.snapshotChunkSize()), initial.sink());

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      if (mode == StartupMode.INITIAL) {
        SinkEqualsSource.await(pg, sr, Duration.ofSeconds(180), SinkEqualsSource.threeTables(schema, schema));
      } else {
        // Streaming once a change made now arrives (changes before the slot existed never do).
        java.util.concurrent.atomic.AtomicInteger id = new java.util.concurrent.atomic.AtomicInteger(1000);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
          pg.superuserSql().execute("INSERT INTO " + schema + ".customers VALUES (" + id.incrementAndGet()
              + ", 'streamed', null, false, now())");
          return rowsOrZero(sr, schema + ".customers") > 0;
        });
      }
      long removed = System.nanoTime();
      pg.superuserSql().execute("ALTER PUBLICATION " + schema + "_pub DROP TABLE " + schema + ".orders",
          "UPDATE " + schema + ".orders SET note = 'not published' WHERE id <= 10");

      Throwable failure = job.failure(PublicationWatch.PERIOD.multipliedBy(4));
      System.out.printf("%s: stopped %d ms after the table left the publication%n", schema,
          (System.nanoTime() - removed) / 1_000_000);
      assertThat(failure).as("the job stopped").isNotNull();
      PipelineStop stop = ExceptionUtils.findThrowable(failure, PipelineStop.class)
          .orElseThrow(() -> new AssertionError("no PipelineStop in the failure", failure));
      assertThat(stop.reason()).isEqualTo(JobStopReason.SOURCE_NOT_READY);
      assertThat(stop.getMessage()).isEqualTo("[SourceNotReady] " + schema + ".orders was removed from publication "
          + schema + "_pub while the pipeline ran; as its owner run ALTER PUBLICATION " + schema + "_pub ADD TABLE "
          + schema + ".orders; then start the pipeline without its checkpoint (a new snapshot): changes made meanwhile"
          + " were not published and are not in the replication slot");
      assertThat(job.restarts()).as("Flink's restarts of the job").isZero();
    }
  }

  private static long rowsOrZero(StarRocksEmulator sr, String table) {
    try (Connection s = java.sql.DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        var st = s.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException notYet) {
      return 0;
    }
  }
}
