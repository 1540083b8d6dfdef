package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The settings the graph depends on win over a cluster that configures otherwise. */
class ExecutionSettingsTest {

  @Test
  void alignedCheckpointsAndNoObjectReuseWhateverTheClusterSays() {
    Configuration cluster = new Configuration();
    cluster.setString("execution.checkpointing.unaligned.enabled", "true");
    cluster.setString("pipeline.object-reuse", "true");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
    assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled()).isTrue();
    assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();

    PipelineJobMain.configureExecution(env);

    assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled()).isFalse();
    assertThat(env.getConfig().isObjectReuseEnabled()).isFalse();
  }
}
