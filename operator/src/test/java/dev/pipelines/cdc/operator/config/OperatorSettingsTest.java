package dev.pipelines.cdc.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {
  @Test
  void defaultsComeFromTheBuild() {
    OperatorSettings s = OperatorSettings.fromEnv(Map.of());

    assertThat(s.defaultJobImage()).matches("cdc-pipelines/pipeline-job:\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(s.watchNamespaces()).isEmpty();
    assertThat(s.flinkVersion()).isEqualTo(FlinkVersion.v1_19);
    assertThat(s.flinkServiceAccount()).isEqualTo("flink");
    assertThat(s.defaultStateDir()).isEmpty();
    assertThat(s.secretRecheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.slotStatusInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.metricsPort()).isEqualTo(8080);
    assertThat(s.maxParallelism()).isEqualTo(64);
  }

  @Test
  void readsEveryVariable() {
    OperatorSettings s = OperatorSettings.fromEnv(Map.of(
        "CDC_JOB_IMAGE", "my/job:1", "CDC_WATCH_NAMESPACES", " a, b ,,", "CDC_FLINK_VERSION", "v1_20",
        "CDC_FLINK_SERVICE_ACCOUNT", "sa", "CDC_DEFAULT_STATE_DIR", "s3://x", "CDC_SECRET_RECHECK_SECONDS", "5",
        "CDC_SLOT_STATUS_SECONDS", "10", "CDC_METRICS_PORT", "0", "CDC_MAX_PARALLELISM", "256"));

    assertThat(s.defaultJobImage()).isEqualTo("my/job:1");
    assertThat(s.watchNamespaces()).isEqualTo(Set.of("a", "b"));
    assertThat(s.flinkVersion()).isEqualTo(FlinkVersion.v1_20);
    assertThat(s.flinkServiceAccount()).isEqualTo("sa");
    assertThat(s.defaultStateDir()).contains("s3://x");
    assertThat(s.secretRecheckInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.slotStatusInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.metricsPort()).isZero();
    assertThat(s.maxParallelism()).isEqualTo(256);
  }

  @Test
  void maxParallelismIsBoundedByFlinks() {
    assertThat(OperatorSettings.fromEnv(Map.of("CDC_MAX_PARALLELISM", "32768")).maxParallelism()).isEqualTo(32768);
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("CDC_MAX_PARALLELISM", "32769")))
        .hasMessage("CDC_MAX_PARALLELISM=32769 must be between 1 and 32768 (Flink's upper bound for max parallelism)");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("CDC_MAX_PARALLELISM", "0")))
        .hasMessageContaining("must be between 1 and 32768");
  }

  @Test
  void unknownFlinkVersionIsExplained() {
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("CDC_FLINK_VERSION", "2.0")))
        .hasMessageContaining("CDC_FLINK_VERSION=2.0 is not a Flink version");
  }
}
