package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;

/** The operator's settings in its tests: Secrets and slots re-checked every second (production: 30 s), metrics port 0. */
public final class TestOperatorSettings {
  private TestOperatorSettings() {}

  public static OperatorSettings settings() {
    return new OperatorSettings("cdc-pipelines/pipeline-job:test", Set.of(), FlinkVersion.v1_19, "flink",
        Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
        OperatorSettings.DEFAULT_MAX_PARALLELISM);
  }
}
