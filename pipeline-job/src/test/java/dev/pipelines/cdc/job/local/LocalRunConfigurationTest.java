package dev.pipelines.cdc.job.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The Flink settings a local run is started with, read back by Flink's own key names. */
class LocalRunConfigurationTest {

  @Test
  void freshStartCheckpointsIntoTheStateDirAndKeepsThemOnCancel() throws Exception {
    LocalRunArguments args = LocalRunArguments.parse("--config", "p.json", "--state-dir", "/state/orders");
    Configuration conf = LocalRun.flinkConfiguration(args, config(1000), Optional.empty());
    assertThat(conf.toMap()).containsEntry("state.checkpoints.dir", "file:///state/orders/checkpoints")
        .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
        .doesNotContainKeys("execution.savepoint.path", "execution.checkpointing.interval", "parallelism.default");
  }

  @Test
  void aGivenIntervalIsShortenedToASubSecondAtLeastOnceFlushAsTheOperatorDoes() throws Exception {
    LocalRunArguments args = LocalRunArguments.parse("--config", "p.json", "--state-dir", "/s", "--checkpoint-interval",
        "10s");
    assertThat(LocalRun.flinkConfiguration(args, config(200), Optional.empty()).toMap())
        .containsEntry("execution.checkpointing.interval", "200 ms");
  }

  private static PipelineConfig config(long flushMillis) {
    return PipelineConfig.of(new PipelineId("local", "orders"), RunEndingTest.SOURCE,
        new StarRocksSinkConfig("jdbc:mysql://localhost:9030", List.of("localhost:8030"), "shop", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, flushMillis, Map.of()));
  }

  @Test
  void aResumeRestoresTheCheckpointAndClaimsIt() throws Exception {
    LocalRunArguments args = LocalRunArguments.parse("--config", "p.json", "--state-dir", "/state/orders",
        "--checkpoint-interval", "2s", "--parallelism", "4");
    Path chk = Path.of("/state/orders/checkpoints/0a1b/chk-12");
    Configuration conf = LocalRun.flinkConfiguration(args, config(1000), Optional.of(chk));
    assertThat(conf.toMap()).containsEntry("execution.savepoint.path", "file:///state/orders/checkpoints/0a1b/chk-12")
        .containsEntry("execution.savepoint-restore-mode", "CLAIM")
        .containsEntry("execution.checkpointing.interval", "2 s")
        .containsEntry("parallelism.default", "4");
  }
}
