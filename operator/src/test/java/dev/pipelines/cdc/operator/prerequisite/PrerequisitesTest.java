package dev.pipelines.cdc.operator.prerequisite;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrerequisitesTest {
  private static APIResourceList serving(String groupVersion, String... plurals) {
    APIResourceListBuilder list = new APIResourceListBuilder().withGroupVersion(groupVersion);
    for (String plural : plurals) {
      list.addNewResource().withName(plural).withNamespaced(true).withKind("X").endResource();
    }
    return list.build();
  }

  @Test
  void theApisComeFromTheModelClasses() {
    assertThat(Prerequisites.FLINK_DEPLOYMENTS)
        .extracting(RequiredApi::crd, RequiredApi::groupVersion, RequiredApi::plural)
        .containsExactly("flinkdeployments.flink.apache.org", "flink.apache.org/v1beta1", "flinkdeployments");
    assertThat(Prerequisites.CDC_PIPELINES)
        .extracting(RequiredApi::crd, RequiredApi::groupVersion, RequiredApi::plural)
        .containsExactly("cdcpipelines.cdc.pipelines.dev", "cdc.pipelines.dev/v1alpha1", "cdcpipelines");
  }

  @Test
  void nothingMissingWhenBothVersionsListTheirResource() {
    Map<String, APIResourceList> discovery = Map.of(
        "flink.apache.org/v1beta1", serving("flink.apache.org/v1beta1", "flinkdeployments", "flinksessionjobs"),
        "cdc.pipelines.dev/v1alpha1", serving("cdc.pipelines.dev/v1alpha1", "cdcpipelines", "cdcpipelines/status"));
    assertThat(Prerequisites.missing(Prerequisites.REQUIRED, discovery::get)).isEmpty();
  }

  @Test
  void aVersionThatIsNotServedOrDoesNotListTheResourceIsMissing() {
    // Flink's group served, but only a session-job CRD in it: FlinkDeployments still missing.
    Map<String, APIResourceList> discovery = Map.of(
        "flink.apache.org/v1beta1", serving("flink.apache.org/v1beta1", "flinksessionjobs"));
    assertThat(Prerequisites.missing(Prerequisites.REQUIRED, discovery::get))
        .containsExactly(Prerequisites.CDC_PIPELINES, Prerequisites.FLINK_DEPLOYMENTS);
    assertThat(Prerequisites.served(Prerequisites.FLINK_DEPLOYMENTS, new APIResourceList())).isFalse();
  }

  @Test
  void theLineSaysWhatIsMissingAndHowToInstallIt() {
    assertThat(Prerequisites.FLINK_DEPLOYMENTS.missingLine())
        .doesNotContain("\n")
        .contains("flinkdeployments.flink.apache.org", "flink.apache.org/v1beta1",
            "helm install flink-kubernetes-operator flink-operator-repo/flink-kubernetes-operator",
            "https://downloads.apache.org/flink/flink-kubernetes-operator-");
    assertThat(Prerequisites.CDC_PIPELINES.missingLine())
        .doesNotContain("\n")
        .contains("cdcpipelines.cdc.pipelines.dev", "kubectl apply -f crds/cdcpipelines.cdc.pipelines.dev-v1.yml",
            "helm/cdc-operator");
  }

  @Test
  void theCrdFileNamedInTheHintExists() {
    assertThat(java.nio.file.Path.of("..", "crds", Prerequisites.CDC_PIPELINES.crd() + "-v1.yml")).exists();
  }

  @Test
  void theFlinkOperatorVersionIsTheOneOfTheApiJarOnTheClasspath() throws Exception {
    String jar = org.apache.flink.kubernetes.operator.api.FlinkDeployment.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath();
    assertThat(jar).endsWith("/flink-kubernetes-operator-api-" + Prerequisites.FLINK_OPERATOR_VERSION + ".jar");
    assertThat(Prerequisites.FLINK_DEPLOYMENTS.missingLine())
        .contains("flink-kubernetes-operator-" + Prerequisites.FLINK_OPERATOR_VERSION + "/");
  }
}
