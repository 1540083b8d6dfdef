package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.replication.LogSequenceNumber;

/**
 * The replication slot's confirmed position follows completed checkpoints, and retained WAL stays
 * bounded, in the cases a DBA meets: captured tables idle while others are busy; right after a restore
 * on an idle publication; after the last change to a captured table; while a new table is snapshotted;
 * and a restore from a checkpoint older than the slot's position loses nothing. Checkpoints every 500 ms here
 * ({@link RunningPipeline}); the slot lags them by one (flink-cdc's commit delay, {@code
 * PostgresSourceFactory.LSN_COMMIT_CHECKPOINTS_DELAY}); the heartbeat comes every 200 ms
 * ({@code SlotKeeper}).
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class SlotGuaranteesIT {
  /**
   * Catching up takes Debezium's heartbeat (10 s), which carries the offset our heartbeat moved, and two
   * checkpoint intervals; generous for a loaded CI machine.
   */
  private static final Duration CATCH_UP = Duration.ofSeconds(45);

  @TempDir
  Path checkpoints;

  @AfterEach
  void dropSlots(PostgresServer pg) {
    TestSlots.dropAll(pg, "slotg_");
  }

  @Test
  void whileOnlyUncapturedTablesChangeTheSlotFollowsAndRetainedWalStaysBounded(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "slotg_idle";
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    try (RunningPipeline job = start(pg, sr, schema, Optional.empty())) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      Sampled noise = noiseWhileSampling(pg, schema, Duration.ofSeconds(30));
      long caughtUp = awaitConfirmedAtLeast(pg, schema, currentLsn(pg));
      System.out.printf("[slot] idle captured tables: %.0f MB written to another table in 30 s; the slot moved %d"
          + " times, at most %.1f MB behind; caught up %d ms after the last write%n", noise.written() / 1e6,
          noise.moves(), noise.maxRetained() / 1e6, caughtUp);
      assertThat(noise.moves()).as("times the slot's confirmed position moved during 30 s of other writes")
          .isPositive();
      assertThat(noise.maxRetained()).as("WAL retained behind the slot").isLessThan(noise.written() * 3 / 4);
    }
  }

  @Test
  void afterARestoreOnAnIdlePublicationTheSlotFollowsAndTheNextRestoreIsAccepted(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "slotg_restore";
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    try (RunningPipeline job = start(pg, sr, schema, Optional.empty())) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      twoMoreCheckpoints(job);
    }
    // The restored stream meets no change of a captured table: only other tables' WAL and heartbeats.
    try (RunningPipeline job = start(pg, sr, schema, Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      long restored = System.nanoTime();
      await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100))
          .until(() -> SnapshotMetrics.streamStarted(job.client().getJobID()) == 1);
      System.out.printf("[slot] after a restore on an idle publication: stream.started 1 after %d ms%n",
          (System.nanoTime() - restored) / 1_000_000);
      noiseWhileSampling(pg, schema, Duration.ofSeconds(4));
      long caughtUp = awaitConfirmedAtLeast(pg, schema, currentLsn(pg));
      System.out.printf("[slot] after a restore on an idle publication: caught up %d ms after the last write%n",
          caughtUp);
      twoMoreCheckpoints(job);
    }
    // Restored from the newest checkpoint, whose position the slot must not have passed on its own
    // (pgjdbc's keepalive flush, now off, did on an idle publication): it streams on, nothing lost.
    try (RunningPipeline job = start(pg, sr, schema, Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      PipelineJobIT.changeSomeRows(pg, schema, 1);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(job.client().getJobStatus().get().isGloballyTerminalState()).isFalse();
    }
  }

  @Test
  void afterTheLastChangeToACapturedTableTheSlotPassesIt(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "slotg_last";
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    try (RunningPipeline job = start(pg, sr, schema, Optional.empty())) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      PipelineJobIT.changeSomeRows(pg, schema, 1);
      long afterLastChange = currentLsn(pg);
      long caughtUp = awaitConfirmedAtLeast(pg, schema, afterLastChange);
      System.out.printf("[slot] after the last change to a captured table: passed it in %d ms%n", caughtUp);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
    }
  }

  /**
   * At a first start under writes, the slot never confirms a position past every position a checkpoint
   * of the stream holds ({@code stream.checkpointedLsn}: the newest checkpoint's, taken or not, so an
   * upper bound of what may be confirmed). flink-cdc's reader, told of a checkpoint taken before it had
   * the stream split, committed Debezium's live position (see {@code CheckpointedPositionsCommitted}).
   * Sampled every 20 ms: the slot first, then the gauge, which only grows.
   */
  @Test
  void atAFirstStartUnderWritesTheSlotNeverPassesTheCheckpointedPosition(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "slotg_first";
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong rounds = new AtomicLong();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        PipelineJobIT.changeSomeRows(pg, schema, (int) rounds.incrementAndGet());
      }
    }, "writer-" + schema);
    writer.start();
    long samples = 0;
    long moves = 0;
    try (RunningPipeline job = start(pg, sr, schema, Optional.empty())) {
      long consistentPoint = -1;
      long last = -1;
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < until) {
        Optional<Long> slot = slotLsn(pg, schema);
        long checkpointed = SnapshotMetrics.checkpointedLsn(job.client().getJobID());
        if (slot.isPresent()) {
          if (consistentPoint < 0) {
            consistentPoint = slot.get();
          }
          if (slot.get() != last) {
            moves += last < 0 ? 0 : 1;
            last = slot.get();
          }
          assertThat(slot.get() <= consistentPoint || slot.get() <= checkpointed)
              .as("slot confirmed %s, past the consistent point %s and past the newest checkpointed position %s"
                  + " (sample %d)", LogSequenceNumber.valueOf(slot.get()).asString(),
                  LogSequenceNumber.valueOf(consistentPoint).asString(),
                  LogSequenceNumber.valueOf(Math.max(0, checkpointed)).asString(), samples)
              .isTrue();
          samples++;
        }
        Thread.sleep(20);
      }
      stop.set(true);
      writer.join();
      System.out.printf("[slot] first start under writes (%d rounds): %d samples, the slot moved %d times, never"
          + " past the checkpointed position%n", rounds.get(), samples, moves);
      assertThat(moves).as("times the slot moved while sampled").isPositive();
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  private static Optional<Long> slotLsn(PostgresServer pg, String schema) {
    var found = pg.superuserSql().query("SELECT confirmed_flush_lsn::text FROM pg_replication_slots"
        + " WHERE slot_name = '" + schema + "_slot'", rs -> rs.getString(1));
    return found.isEmpty() || found.get(0) == null ? Optional.empty()
        : Optional.of(LogSequenceNumber.valueOf(found.get(0)).asLong());
  }

  @Test
  void whileANewTableIsSnapshottedTheSlotFollows(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "slotg_added";
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    pg.superuserSql().execute(
        "CREATE TABLE " + schema + ".big (id bigint PRIMARY KEY, v int, s text)",
        "INSERT INTO " + schema + ".big SELECT g, g % 1000, md5(g::text) FROM generate_series(1, 400000) g");
    PipelineJobIT.ownedByTheCdcUser(pg, schema, "big");
    PipelineConfig three = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    try (RunningPipeline job = RunningPipeline.start(withTables(three, schema, false), PipelineJobIT.credentials(sr),
        checkpoints, 2, Optional.empty())) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      twoMoreCheckpoints(job);
    }
    try (RunningPipeline job = RunningPipeline.start(withTables(three, schema, true), PipelineJobIT.credentials(sr),
        checkpoints, 2, Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      long atRestore = confirmed(pg, schema);
      AtomicBoolean movedDuringSnapshot = new AtomicBoolean();
      // The other tables keep changing while the added table is read: their changes keep moving the slot
      // (flink-cdc's own newly-added-table snapshot stops committing; ours runs beside the stream).
      AtomicLong round = new AtomicLong();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
        if (SnapshotMetrics.tablesDone(job.client().getJobID()) >= 4) {
          return true;
        }
        PipelineJobIT.changeSomeRows(pg, schema, (int) round.incrementAndGet());
        if (confirmed(pg, schema) > atRestore) {
          movedDuringSnapshot.set(true);
        }
        return false;
      });
      System.out.printf("[slot] while an added table was snapshotted (%d rounds of changes): the slot moved: %s%n",
          round.get(), movedDuringSnapshot.get());
      assertThat(movedDuringSnapshot).as("the slot moved while the added table's snapshot ran").isTrue();
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(SnapshotMetrics.rowsRead(job.client().getJobID(), schema + ".big")).isEqualTo(400_000);
    }
  }

  /**
   * A restore from a checkpoint older than the slot's position: Postgres streams from the slot's
   * position, and StarRocks still ends exact, because the slot confirms only completed checkpoints'
   * positions and their rows are in StarRocks (which a restore does not roll back).
   */
  @ParameterizedTest
  @EnumSource(DeliverySemantic.class)
  void aRestoreFromACheckpointOlderThanTheSlotLosesNothing(DeliverySemantic semantic, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "slotg_old_" + semantic.name().toLowerCase(java.util.Locale.ROOT);
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, semantic);
    Configuration keepAll = new Configuration();
    keepAll.setString("state.checkpoints.num-retained", "1000");
    Path old;
    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty(), false, keepAll)) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      twoMoreCheckpoints(job);
      old = job.latestCheckpoint().orElseThrow();
      long afterOld = currentLsn(pg);
      PipelineJobIT.changeSomeRows(pg, schema, 1);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      awaitConfirmedAtLeast(pg, schema, afterOld);
      twoMoreCheckpoints(job);
    }
    assertThat(RunningPipeline.latestCheckpoint(checkpoints)).isNotEqualTo(old);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.of(old))) {
      await().atMost(CATCH_UP).until(() -> SnapshotMetrics.slotAheadAtStart(job.client().getJobID()) > 0);
      System.out.printf("[slot] restored from an older checkpoint (%s): the slot was %d bytes ahead%n", semantic,
          SnapshotMetrics.slotAheadAtStart(job.client().getJobID()));
      PipelineJobIT.changeSomeRows(pg, schema, 2);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(job.restarts()).isZero();
    }
  }

  private RunningPipeline start(PostgresServer pg, StarRocksEmulator sr, String schema, Optional<Path> restore)
      throws Exception {
    return RunningPipeline.start(PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE),
        PipelineJobIT.credentials(sr), checkpoints, 2, restore);
  }

  private static PipelineConfig withTables(PipelineConfig three, String schema, boolean big) {
    var source = three.source();
    var tables = big ? java.util.List.of(schema + "\\.(customers|orders|order_items|big)")
        : java.util.List.of(schema + "\\.(customers|orders|order_items)");
    return PipelineConfig.of(three.pipeline(), new dev.pipelines.cdc.config.PostgresSourceConfig(source.host(),
        source.port(), source.database(), tables, source.excludeTables(), source.slotName(),
        source.publicationName(), source.startupMode(), source.snapshotChunkSize()), three.sink());
  }

  /** What sampling the slot every 100 ms during other writes saw. */
  private record Sampled(long written, long maxRetained, int moves) {}

  /** Writes ~1 MB statements into a table the pipeline does not capture, sampling the slot meanwhile. */
  private static Sampled noiseWhileSampling(PostgresServer pg, String schema, Duration duration) throws Exception {
    long max = 0;
    int moves = 0;
    long from = currentLsn(pg);
    long last = confirmed(pg, schema);
    long until = System.nanoTime() + duration.toNanos();
    Thread noise = noise(pg, schema, duration, () -> false);
    while (System.nanoTime() < until) {
      long now = confirmed(pg, schema);
      if (now != last) {
        moves++;
        last = now;
      }
      max = Math.max(max, currentLsn(pg) - now);
      Thread.sleep(100);
    }
    noise.join();
    return new Sampled(currentLsn(pg) - from, max, moves);
  }

  private static Thread noise(PostgresServer pg, String schema, Duration atMost,
      java.util.function.BooleanSupplier done) {
    pg.superuserSql().execute("CREATE TABLE IF NOT EXISTS public." + schema + "_noise (id bigserial, pad text)");
    long until = System.nanoTime() + atMost.toNanos();
    Thread t = new Thread(() -> {
      while (System.nanoTime() < until && !done.getAsBoolean()) {
        pg.superuserSql().execute("INSERT INTO public." + schema + "_noise (pad) SELECT repeat(md5(g::text), 32)"
            + " FROM generate_series(1, 1000) g");
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "noise-" + schema);
    t.start();
    return t;
  }

  /** Waits until the slot confirmed {@code lsn}; returns how long it took, in ms. */
  private static long awaitConfirmedAtLeast(PostgresServer pg, String schema, long lsn) {
    long start = System.nanoTime();
    await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).until(() -> confirmed(pg, schema) >= lsn);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long confirmed(PostgresServer pg, String schema) {
    return LogSequenceNumber.valueOf(PipelineJobIT.confirmedFlushLsn(pg, schema + "_slot")).asLong();
  }

  private static long currentLsn(PostgresServer pg) {
    return LogSequenceNumber.valueOf(pg.superuserSql().query("SELECT pg_current_wal_lsn()::text",
        rs -> rs.getString(1)).get(0)).asLong();
  }

  private static void twoMoreCheckpoints(RunningPipeline job) {
    for (int i = 0; i < 2; i++) {
      Optional<Path> seen = job.latestCheckpoint();
      await().atMost(Duration.ofSeconds(60)).until(() -> !job.latestCheckpoint().equals(seen));
    }
  }
}
