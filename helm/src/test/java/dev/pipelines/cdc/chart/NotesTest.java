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

  /** The operator waits for the Flink CRD (issue 13): the notes say how to check and install it, at our version. */
  @Test
  void saysHowToCheckAndInstallTheFlinkOperatorAtTheVersionTheOperatorIsBuiltWith() {
    String notes = HelmChart.notes(Values.defaults());
    String version = HelmChart.requiredProperty("flink-operator-api.version");

    assertThat(notes)
        .contains("kubectl get crd flinkdeployments.flink.apache.org")
        .contains("/readyz answers 503")
        .contains("helm repo add flink-operator-repo https://downloads.apache.org/flink/flink-kubernetes-operator-"
            + version + "/")
        .contains("helm install flink-kubernetes-operator flink-operator-repo/flink-kubernetes-operator")
        .contains("--set webhook.create=false");
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
