package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.junit.jupiter.api.Test;

/** The chart's environment, read by the operator's own {@link OperatorSettings#fromEnv}. */
class OperatorEnvironmentTest {
  /** Read by log4j2.xml, not by OperatorSettings. */
  private static final String ENV_LOG_LEVEL = "CDC_LOG_LEVEL";

  @Test
  void defaultsAreTheOperatorsOwnDefaults() {
    Map<String, String> env = HelmChart.render(Values.defaults()).env();
    OperatorSettings fromChart = OperatorSettings.fromEnv(env);
    OperatorSettings builtIn = OperatorSettings.fromEnv(Map.of());

    assertThat(fromChart).isEqualTo(builtIn);
    assertThat(env).containsEntry(ENV_LOG_LEVEL, "INFO");
  }

  @Test
  void defaultJobImageIsTheOneBuiltWithTheOperator() {
    // OperatorSettings' default comes from cdc-operator-build.properties, filtered by Maven.
    String jobImage = OperatorSettings.fromEnv(HelmChart.render(Values.defaults()).env()).defaultJobImage();

    assertThat(jobImage)
        .isEqualTo(OperatorSettings.fromEnv(Map.of()).defaultJobImage())
        .isEqualTo(HelmChart.requiredProperty("job.image.repository") + ":" + HelmChart.projectVersion())
        .isEqualTo("cdc-pipelines/pipeline-job:" + HelmChart.projectVersion());
  }

  @Test
  void everyValueReachesTheOperator() {
    Map<String, String> env = HelmChart.render(Values.defaults()
        .with("watchNamespaces", List.of("data", "analytics"))
        .with("jobImage.tag", "7.7.7")
        .with("flink.version", "v1_20")
        .with("flink.serviceAccount", "flink-jobs")
        .with("defaultStateDir", "s3://bucket/cdc")
        .with("secretRecheckSeconds", 15)
        .with("slotStatusSeconds", 60)
        .with("metrics.port", 9102)
        .with("maxParallelism", 16)
        .with("logLevel", "DEBUG")).env();

    OperatorSettings settings = OperatorSettings.fromEnv(env);

    assertThat(settings).isEqualTo(new OperatorSettings(
        "cdc-pipelines/pipeline-job:7.7.7",
        Set.of("data", "analytics"),
        FlinkVersion.v1_20,
        "flink-jobs",
        Optional.of("s3://bucket/cdc"),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        9102,
        16));
    assertThat(env).containsEntry(ENV_LOG_LEVEL, "DEBUG");
  }

  @Test
  void onlyVariablesTheOperatorReads() {
    // A misspelt name would be silently ignored by the operator.
    Set<String> known = Set.of(
        OperatorSettings.ENV_JOB_IMAGE,
        OperatorSettings.ENV_WATCH_NAMESPACES,
        OperatorSettings.ENV_FLINK_VERSION,
        OperatorSettings.ENV_FLINK_SERVICE_ACCOUNT,
        OperatorSettings.ENV_DEFAULT_STATE_DIR,
        OperatorSettings.ENV_SECRET_RECHECK_SECONDS,
        OperatorSettings.ENV_SLOT_STATUS_SECONDS,
        OperatorSettings.ENV_METRICS_PORT,
        OperatorSettings.ENV_MAX_PARALLELISM,
        ENV_LOG_LEVEL,
        "JAVA_TOOL_OPTIONS");

    Map<String, String> env = HelmChart.render(Values.defaults().with("defaultStateDir", "s3://bucket/cdc")).env();

    assertThat(known).containsAll(env.keySet());
    assertThat(env.keySet()).containsAll(known);
  }
}
