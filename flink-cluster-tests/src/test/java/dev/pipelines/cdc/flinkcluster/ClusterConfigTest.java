package dev.pipelines.cdc.flinkcluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster runs the operator's generated configuration, with only the listed rewrites. */
class ClusterConfigTest {
  @TempDir
  Path dir;

  private final GeneratedDeployment generated = GeneratedDeployment.of(TestPipelines.minimal());

  @Test
  void keepsEveryGeneratedEntryButStatePathsHaAndTheCheckpointInterval() {
    ClusterConfig config = ClusterConfig.of(generated, dir.resolve("state"), "127.0.0.1:2181");
    Map<String, String> kept = new HashMap<>(generated.flinkConfiguration());
    kept.keySet().removeIf(k -> k.equals(ClusterConfig.HA_TYPE) || k.equals(ClusterConfig.CHECKPOINT_INTERVAL_KEY)
        || kept.get(k).startsWith("s3://"));
    assertThat(kept).containsKeys("restart-strategy.type", "execution.checkpointing.externalized-checkpoint-retention",
        "taskmanager.numberOfTaskSlots");
    assertThat(config.entries()).containsAllEntriesOf(kept);

    assertThat(config.get("high-availability.type")).isEqualTo("zookeeper");
    assertThat(config.get("high-availability.zookeeper.quorum")).isEqualTo("127.0.0.1:2181");
    assertThat(config.get("execution.checkpointing.interval")).isEqualTo(ClusterConfig.CHECKPOINT_INTERVAL);
    assertThat(config.get("state.checkpoints.dir"))
        .isEqualTo(dir.resolve("state/cdc-state/orders/checkpoints").toUri().toString());
    assertThat(config.get("high-availability.storageDir"))
        .isEqualTo(dir.resolve("state/cdc-state/orders/ha").toUri().toString());
    assertThat(config.entries().values()).noneMatch(v -> v.startsWith("s3://"));
    assertThat(config.get("taskmanager.memory.process.size")).isEqualTo(generated.taskManagerMemory());
    assertThat(config.get("jobmanager.memory.process.size")).isEqualTo(generated.jobManagerMemory());
  }

  @Test
  void writesEveryEntryAsAQuotedYamlString() throws Exception {
    ClusterConfig config = ClusterConfig.of(generated, dir.resolve("state"), "127.0.0.1:2181");
    config.write(dir.resolve("conf"));
    String yaml = Files.readString(dir.resolve("conf/config.yaml"));
    assertThat(yaml).contains("restart-strategy.exponential-delay.initial-backoff: \"1 s\"\n")
        .contains("high-availability.type: \"zookeeper\"\n");
    assertThat(Files.readString(dir.resolve("conf/log4j.properties"))).contains("rootLogger.level = INFO");
  }

  @Test
  void theJobIsSubmittedAsTheFlinkDeploymentRunsIt() {
    assertThat(generated.runsTheImagesJar()).isTrue();
    assertThat(generated.programArgs(dir.resolve("pipeline.json")))
        .containsExactly("--config", dir.resolve("pipeline.json").toString());
    assertThat(generated.pipelineJson()).contains("\"slotName\"");
  }
}
