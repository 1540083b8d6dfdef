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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failover (not a stop and restore: Flink's own restart from its latest checkpoint) soon after the
 * snapshot has landed, when the stream has just started: the restored job must stream on, and lose
 * nothing. Found in CI under load: after a JobManager heartbeat timeout, a restore from a checkpoint
 * taken right after the snapshot's end crash-looped on "Split HybridSourceSplit{sourceIndex=1,
 * splitId=stream-split} while current source is 0", and a LocalRunIT delete never arrived.
 *
 * <p>The fault: the stream's replication connection is cut (its walsender terminated), so the source
 * task fails and the whole job restarts; at several delays after the snapshot, to meet the stream
 * at different points of its start.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class StreamFailoverIT {
  @TempDir
  Path checkpoints;

  @AfterEach
  void dropSlots(PostgresServer pg) {
    TestSlots.dropAll(pg, "failover_");
  }

  @ParameterizedTest(name = "stream cut {0} ms after the snapshot landed")
  @ValueSource(ints = {0, 1500, 4000})
  void aFailoverRightAfterTheSnapshotStreamsOnAndLosesNothing(int delayMillis, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "failover_" + delayMillis;
    PipelineJobIT.createSourceTables(pg, schema, 300, 3000, 2);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      Thread.sleep(delayMillis);
      PipelineJobIT.changeSomeRows(pg, schema, 1);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
          .until(() -> cutStream(pg, schema + "_slot"));
      PipelineJobIT.changeSomeRows(pg, schema, 2);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(job.restarts()).as("Flink restarted the job after the stream's connection was cut").isPositive();

      PipelineJobIT.changeSomeRows(pg, schema, 3);
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
    }
  }

  /** Terminates the walsender streaming from the slot; false while none streams yet. */
  private static boolean cutStream(PostgresServer pg, String slot) {
    // Only a walsender that streams: the one that created the slot and exported the snapshot holds it too.
    return pg.superuserSql().query("SELECT pg_terminate_backend(s.active_pid) FROM pg_replication_slots s"
        + " JOIN pg_stat_replication r ON r.pid = s.active_pid WHERE s.slot_name = '" + slot + "'"
        + " AND r.state = 'streaming'", rs -> rs.getBoolean(1)).contains(true);
  }
}
