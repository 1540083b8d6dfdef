package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code helm install} tells the user to do next. */
class NotesTest {

  @Test
  void pointsAtTheFlinkOperatorTheExampleAndKubectlGetCdcp() {
    String notes = HelmChart.notes(Values.defaults());

    assertThat(notes)
        .contains("Flink Kubernetes Operator must be installed")
        .contains("kubectl create namespace data")
        .contains("kubectl apply -n data -f examples/orders-pipeline.yaml")
        .contains("kubectl get cdcp -n data")
        .contains("all namespaces")
        .contains("cdc-pipelines/pipeline-job:" + HelmChart.projectVersion());
  }

  @Test
  void namespacedModeUsesAWatchedNamespace() {
    String notes = HelmChart.notes(Values.defaults().with("watchNamespaces", List.of("analytics", "data")));

    assertThat(notes)
        .contains("It watches CdcPipelines in: analytics, data.")
        .contains("kubectl apply -n analytics -f examples/orders-pipeline.yaml")
        .contains("kubectl get cdcp -n analytics")
        .doesNotContain("kubectl create namespace");
  }
}
