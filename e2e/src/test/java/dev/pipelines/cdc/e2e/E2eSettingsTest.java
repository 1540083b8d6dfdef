package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class E2eSettingsTest {
  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "1", "yes", " true "})
  void keepFlagIsRead(String value) {
    assertThat(E2eSettings.fromEnv(Map.of(E2eSettings.KEEP_CLUSTER, value)).keepCluster()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "false", "0", "no", "keep"})
  void anythingElseDoesNotKeep(String value) {
    assertThat(E2eSettings.fromEnv(Map.of(E2eSettings.KEEP_CLUSTER, value)).keepCluster()).isFalse();
  }

  @Test
  void onlyAClusterTheSuiteCreatedIsDeleted() {
    E2eSettings defaults = E2eSettings.fromEnv(Map.of());
    assertThat(defaults.deleteClusterAfterwards(true)).isTrue();
    assertThat(defaults.deleteClusterAfterwards(false)).as("a cluster that existed before").isFalse();
    assertThat(new E2eSettings(true).deleteClusterAfterwards(true)).as("kept on request").isFalse();
  }
}
