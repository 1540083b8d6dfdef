package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
  @Test
  void readsTheConfigPathTheOperatorPasses() {
    assertThat(JobArguments.parse("--config", "/etc/cdc-pipeline/pipeline.json").configFile())
        .isEqualTo(Path.of("/etc/cdc-pipeline/pipeline.json"));
  }

  @Test
  void missingConfigArgumentIsExplained() {
    assertThatThrownBy(() -> JobArguments.parse("--conf")).hasMessageContaining("usage: --config");
  }

  @Test
  void credentialsNameEveryMissingVariableAndHidePasswords() {
    assertThatThrownBy(() -> Credentials.fromEnv(Map.of("CDC_SOURCE_USERNAME", "u")))
        .hasMessageContaining("CDC_SOURCE_PASSWORD, CDC_SINK_USERNAME, CDC_SINK_PASSWORD");

    Credentials c = Credentials.fromEnv(Map.of("CDC_SOURCE_USERNAME", "u", "CDC_SOURCE_PASSWORD", "s3cret",
        "CDC_SINK_USERNAME", "v", "CDC_SINK_PASSWORD", "t0p"));
    assertThat(c.toString()).doesNotContain("s3cret").doesNotContain("t0p").contains("sourceUser=u");
  }
}
