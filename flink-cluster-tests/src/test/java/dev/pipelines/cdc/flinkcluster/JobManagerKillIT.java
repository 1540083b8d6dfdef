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
 * {@code kill -9} of the JobManager mid-stream, HA on, then a new JobManager JVM (new ports, as a new
 * pod): it must win the leadership, find the job in the HA store (ZooKeeper + high-availability.storageDir)
 * and restore it from the latest checkpoint, with no resubmission; the TaskManagers re-register with it.
 */
class JobManagerKillIT extends ClusterFaultBase {
  static final Duration DOWN = Duration.ofSeconds(5);

  static Stream<DeliverySemantic> semantics() {
    return FaultMatrix.semantics(DeliverySemantic.EXACTLY_ONCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("semantics")
  void killedJobManagerIsReplacedAndTheJobRecoversFromHa(DeliverySemantic semantic, PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    startStreaming("jm", semantic, pg, sr);
    FaultEnd end = whileWriting(pg, writer -> {
      midStream();
      pipeline.cluster().killJobManager();
      hold(DOWN);
      pipeline.cluster().startJobManager();
    });
    pipeline.cluster().awaitJobManager();
    pipeline.awaitJob("the job recovered by the new JobManager, every task running", Duration.ofMinutes(3),
        () -> pipeline.cluster().rest().allTasksRunning(pipeline.jobId()));
    assertRecovered("jobmanager-kill", end, PipelineOnCluster.Snapshot.COMPLETE);
    assertThat(pipeline.cluster().rest().completedCheckpoints(pipeline.jobId()))
        .as("checkpoints completed under the new JobManager").hasValueSatisfying(n -> assertThat(n).isPositive());
  }
}
