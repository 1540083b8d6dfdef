package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict} passes, and values.schema.json refuses values the operator cannot run with. */
class ChartLintTest {

  @Test
  void strictLintPasses() {
    LintResult result = HelmChart.lintStrict(HelmChart.dir());

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  static Stream<Arguments> valuesTheSchemaRefuses() {
    return Stream.of(
        Arguments.of("logLevel", "bogus"),
        Arguments.of("metrics.port", "8080"),
        Arguments.of("metrics.port", 0),
        Arguments.of("replicaCount", 2),
        Arguments.of("flink.version", "v2_0"),
        Arguments.of("image.pullPolicy", "Sometimes"),
        Arguments.of("watchNamespaces", List.of("Not_A_Namespace")),
        Arguments.of("watchNamespaces", "data"),
        Arguments.of("serviceAccount.create", "yes"),
        Arguments.of("secretRecheckSeconds", 0),
        Arguments.of("maxParallelism", 0),
        Arguments.of("maxParallelism", 32769),
        Arguments.of("maxParallelism", "64"),
        Arguments.of("unknownKey", true));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("valuesTheSchemaRefuses")
  void lintFailsOnValuesAgainstTheSchema(String path, Object value, @TempDir Path tmp) throws IOException {
    Path chart = copyOfChart(tmp);
    writeValues(chart, Values.defaults().with(path, value));

    LintResult result = HelmChart.lintStrict(chart);

    assertThat(result.isFailed()).as("lint of %s=%s: %s", path, value, result.getMessages()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("values don't meet the specifications of the schema");
  }

  @Test
  void lintOfAnUnchangedCopyPasses(@TempDir Path tmp) throws IOException {
    // The control for the test above: copying the chart and rewriting values.yaml breaks nothing.
    Path chart = copyOfChart(tmp);
    writeValues(chart, Values.defaults());

    assertThat(HelmChart.lintStrict(chart).isFailed()).isFalse();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("valuesTheSchemaRefuses")
  void installRefusesValuesAgainstTheSchema(String path, Object value) {
    // helm install/upgrade/template validate the user's values the same way.
    assertThatThrownBy(() -> HelmChart.render(Values.defaults().with(path, value)))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  private static Path copyOfChart(Path tmp) throws IOException {
    Path copy = tmp.resolve("cdc-operator");
    try (Stream<Path> files = Files.walk(HelmChart.dir())) {
      for (Path source : files.toList()) {
        Path target = copy.resolve(HelmChart.dir().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return copy;
  }

  /** The chart's values.yaml with the overrides merged in (comments are lost, keys stay). */
  private static void writeValues(Path chart, Values overrides) throws IOException {
    Map<String, Object> merged = HelmChart.defaultValues();
    merge(merged, overrides.asMap());
    Files.writeString(chart.resolve("values.yaml"), Serialization.asYaml(merged));
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> overrides) {
    overrides.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested && target.get(key) instanceof Map<?, ?> existing) {
        merge((Map<String, Object>) existing, (Map<String, Object>) nested);
      } else {
        target.put(key, value);
      }
    });
  }
}
