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
  void postgresDownForThirtySeconds(DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    startStreaming("pg", semantic, pg, sr);
    // The writer fails while the server is down; it writes 3 s more once it is back.
    FaultEnd end = whileWriting(pg, Duration.ofSeconds(3), writer -> {
      midStream();
      pg.stop();
      try {
        hold(OUTAGE);
      } finally {
        pg.startAgain();
      }
    });
    assertThat(end.failedTransactions()).as("transactions refused while Postgres was down").isPositive();
    assertRecovered("postgres-stopped-30s", end, PipelineOnCluster.Snapshot.COMPLETE);
    assertThat(pipeline.failures()).as("failures of the job (each a restart) while Postgres was down").isNotEmpty();
  }
}
