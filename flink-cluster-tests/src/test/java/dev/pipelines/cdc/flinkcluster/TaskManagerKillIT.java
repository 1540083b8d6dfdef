package dev.pipelines.cdc.flinkcluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of a TaskManager JVM while the job runs on two (one slot each, parallelism 2), then a
 * replacement TaskManager, as Kubernetes would start a new pod: the job restarts from its latest
 * checkpoint on the survivor and the replacement. Mid-snapshot (200,000 rows, killed once the first
 * rows are in StarRocks) and mid-stream.
 */
class TaskManagerKillIT extends ClusterFaultBase {
  static final int SNAPSHOT_ORDERS = 200_000;
  /** How long the TaskManager stays dead before its replacement starts (a pod restart takes seconds too). */
  static final Duration DOWN = Duration.ofSeconds(5);

  /**
   * Exactly-once in the default build, mid-stream: exactly-once mid-snapshot showed, in 1 of the last 3
   * runs, one streamed change visible twice (docs/known-issues.md), and at-least-once can load all 200,000
   * rows before the kill; mid-snapshot runs in the full matrix.
   */
  static Stream<DeliverySemantic> midStreamSemantics() {
    return FaultMatrix.semantics(DeliverySemantic.EXACTLY_ONCE);
  }

  static Stream<DeliverySemantic> bothSemantics() {
    return Stream.of(DeliverySemantic.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothSemantics")
  @EnabledIfSystemProperty(named = FaultMatrix.PROPERTY, matches = "full",
      disabledReason = "the full fault matrix only (-Pflink-cluster-full); the default build kills mid-stream")
  void killedMidSnapshot(DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr) throws Exception {
    pipeline = PipelineOnCluster.start("tm_snap", semantic, pg, sr, work, 1000, SNAPSHOT_ORDERS);
    FaultEnd end = whileWriting(pg, writer -> {
      pipeline.awaitJob("orders in StarRocks", Duration.ofMinutes(3), () -> pipeline.sinkRows("orders") > 0);
      long copied = pipeline.sinkRows("orders");
      pipeline.assertNoFailureYet();
      pipeline.cluster().killTaskManager(0);
      System.out.println("killed taskmanager-1 with " + copied + " of " + SNAPSHOT_ORDERS + " orders in StarRocks");
      assertThat(copied).as("orders in StarRocks when the TaskManager died: the snapshot was not through yet")
          .isLessThan(SNAPSHOT_ORDERS);
      killedFor(DOWN);
    });
    assertRecovered("taskmanager-kill-mid-snapshot", end, PipelineOnCluster.Snapshot.INTERRUPTED);
    assertThat(pipeline.failures()).as("failures of the job (each a restart) after its TaskManager died").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("midStreamSemantics")
  void killedMidStream(DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr) throws Exception {
    startStreaming("tm_stream", semantic, pg, sr);
    FaultEnd end = whileWriting(pg, writer -> {
      midStream();
      pipeline.cluster().killTaskManager(1);
      killedFor(DOWN);
    });
    assertRecovered("taskmanager-kill-mid-stream", end, PipelineOnCluster.Snapshot.COMPLETE);
    assertThat(pipeline.failures()).as("failures of the job (each a restart) after its TaskManager died").isNotEmpty();
  }

  /** The killed TaskManager's replacement starts after {@code down}, as a new pod would. */
  private void killedFor(Duration down) {
    hold(down);
    pipeline.cluster().startTaskManager();
  }
}
