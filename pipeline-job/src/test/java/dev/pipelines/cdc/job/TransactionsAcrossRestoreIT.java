package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions that overlap in the WAL, across a checkpoint and a restore (real Postgres 17, the
 * StarRocks emulator). A transaction begun before another and committed after it has changes at WAL
 * positions below the other's; Postgres sends transactions in commit order, so after a checkpoint taken
 * between the two, the restored stream position lies past the first one's changes while its commit is
 * still ahead. Compared over every row and column after the restore.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class TransactionsAcrossRestoreIT {
  @TempDir
  Path checkpoints;

  @AfterEach
  void dropSlots(PostgresServer pg) {
    TestSlots.dropAll(pg, "txopen_");
  }

  @ParameterizedTest
  @EnumSource(DeliverySemantic.class)
  void aTransactionOpenAcrossACheckpointAndARestoreArrives(DeliverySemantic semantic, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "txopen_" + semantic.name().toLowerCase(Locale.ROOT);
    PipelineJobIT.createSourceTables(pg, schema, 50, 200, 1);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, semantic);
    try (Connection open = pg.superuserConnection()) {
      open.setAutoCommit(false);
      try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
          Optional.empty())) {
        PipelineJobIT.awaitEqual(pg, sr, schema, schema);
        try (Statement st = open.createStatement()) {
          st.execute("UPDATE " + schema + ".customers SET name = 'open across the restore' WHERE id = 1");
          st.execute("INSERT INTO " + schema + ".orders (id, customer_id, amount, placed)"
              + " VALUES (900001, 1, 9.5, '2025-03-03')");
        }
        // Later in the WAL and committed first: the stream carries it, checkpoints hold its position.
        pg.superuserSql().execute("UPDATE " + schema + ".customers SET name = 'committed meanwhile' WHERE id = 2");
        PipelineJobIT.awaitEqual(pg, sr, schema, schema);
        // Past Debezium's heartbeat (10 s), so the offset also moves to our own heartbeat's position.
        Thread.sleep(12_000);
        twoMoreCheckpoints(job);
      }
      open.commit();
    }
    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      PipelineJobIT.awaitEqual(pg, sr, schema, schema);
      assertThat(job.restarts()).isZero();
    }
  }

  private static void twoMoreCheckpoints(RunningPipeline job) {
    for (int i = 0; i < 2; i++) {
      Optional<Path> seen = job.latestCheckpoint();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !job.latestCheckpoint().equals(seen));
    }
  }
}
