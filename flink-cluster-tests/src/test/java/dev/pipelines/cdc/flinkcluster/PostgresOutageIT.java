package dev.pipelines.cdc.flinkcluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Postgres stopped for 30 s mid-stream ({@code pg_ctl stop -m fast}, then started on the same data
 * directory and port): the replication connection is cut and reconnecting fails until it is back; the
 * job fails, restarts with its backoff, and resumes from the slot.
 */
class PostgresOutageIT extends ClusterFaultBase {
  static final Duration OUTAGE = Duration.ofSeconds(30);

  static Stream<DeliverySemantic> semantics() {
    return FaultMatrix.semantics(DeliverySemantic.AT_LEAST_ONCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("semantics")
  void postgresDownForThirtySeconds(DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr) {
    pipeline = PipelineOnCluster.start("pg", semantic, pg, sr, work, 1000, 20_000);
    pipeline.awaitEqual(PipelineOnCluster.SNAPSHOT_TIMEOUT);
    long faultEnd;
    String lsn;
    try (ChangeWriter writer = ChangeWriter.start(pg, pipeline.tables())) {
      pipeline.awaitNextCheckpoint();
      hold(Duration.ofSeconds(3));
      pipeline.assertNoFailureYet();
      pg.stop();
      try {
        hold(OUTAGE);
      } finally {
        pg.startAgain();
      }
      faultEnd = System.nanoTime();
      // The writer failed while the server was down; a few more seconds of changes after it is back.
      hold(Duration.ofSeconds(3));
      writer.stop();
      lsn = pipeline.confirmedFlushLsn();
      writer.writeMore(5);
      assertThat(writer.failedTransactions()).as("transactions refused while Postgres was down").isPositive();
    }
    pipeline.assertRecovered("postgres-stopped-30s", faultEnd, lsn, PipelineOnCluster.Snapshot.COMPLETE);
    assertThat(pipeline.failures()).as("failures of the job (each a restart) while Postgres was down").isNotEmpty();
  }
}
