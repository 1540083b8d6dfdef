package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.junit.jupiter.api.Test;

/** Chart.yaml, the CRD and the value defaults stay in step with the Maven build and the operator. */
class ChartMetadataTest {

  @Test
  void versionAndAppVersionAreTheProjectVersion() throws IOException {
    Map<String, Object> chart = chartYaml();

    assertThat(chart.get("version")).as("Chart.yaml version").isEqualTo(HelmChart.projectVersion());
    assertThat(chart.get("appVersion")).as("Chart.yaml appVersion").isEqualTo(HelmChart.projectVersion());
  }

  @Test
  void chartIsAHelm3ApplicationForSupportedKubernetes() throws IOException {
    Map<String, Object> chart = chartYaml();

    assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "cdc-operator")
        .containsEntry("type", "application").containsEntry("kubeVersion", ">=1.25.0-0");
  }

  @Test
  void olderKubernetesIsRefused() {
    assertThatThrownBy(() -> HelmChart.renderYaml(HelmChart.RELEASE, Values.defaults(), "v1.24.17"))
        .hasMessageContaining("chart requires kubeVersion");
  }

  @Test
  void chartCrdIsTheGeneratedCrdByteForByte() throws IOException {
    Path inChart = HelmChart.dir().resolve("crds").resolve(HelmChart.CRD_FILE);
    Path generated = Path.of(HelmChart.requiredProperty("crds.dir")).resolve(HelmChart.CRD_FILE);

    assertThat(Files.mismatch(inChart, generated))
        .as("helm/cdc-operator/crds/%s differs from crds/: run hack/update-crds.sh", HelmChart.CRD_FILE)
        .isEqualTo(-1L);
    try (Stream<Path> files = Files.list(HelmChart.dir().resolve("crds"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(HelmChart.CRD_FILE);
    }
  }

  @Test
  void imageRepositoriesAreTheBuildsImages() {
    Map<String, Object> values = HelmChart.defaultValues();

    assertThat(values).extractingByKey("image").asInstanceOf(MAP)
        .containsEntry("repository", "cdc-pipelines/operator").containsEntry("tag", "");
    assertThat(values).extractingByKey("jobImage").asInstanceOf(MAP)
        .containsEntry("repository", HelmChart.requiredProperty("job.image.repository")).containsEntry("tag", "");
  }

  @Test
  @SuppressWarnings("unchecked")
  void schemaAcceptsExactlyTheOperatorsFlinkVersions() throws IOException {
    Map<String, Object> schema = readJson(HelmChart.dir().resolve("values.schema.json"));
    List<Object> allowed = (List<Object>) at(schema, "properties", "flink", "properties", "version", "enum");

    assertThat(allowed).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(FlinkVersion.values()).map(v -> (Object) v.name()).toList());
  }

  private static Map<String, Object> chartYaml() throws IOException {
    return readJson(HelmChart.dir().resolve("Chart.yaml"));
  }

  /** YAML or JSON (JSON is YAML). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readJson(Path file) throws IOException {
    return Serialization.unmarshal(Files.readString(file), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> map, String... keys) {
    Object node = map;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }
}
