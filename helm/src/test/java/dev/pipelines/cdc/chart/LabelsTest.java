package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standard {@code app.kubernetes.io/*} and {@code helm.sh/chart} labels; names follow the release. */
class LabelsTest {

  @Test
  void everyObjectCarriesTheStandardLabels() {
    String version = HelmChart.projectVersion();
    Map<String, String> expected = Map.of(
        "app.kubernetes.io/name", "cdc-operator",
        "app.kubernetes.io/instance", HelmChart.RELEASE,
        "app.kubernetes.io/version", version,
        "app.kubernetes.io/component", "operator",
        "app.kubernetes.io/part-of", "cdc-pipeline",
        "app.kubernetes.io/managed-by", "Helm",
        "helm.sh/chart", "cdc-operator-" + version);

    for (Values values : List.of(Values.defaults(), Values.defaults().with("watchNamespaces", List.of("data")))) {
      List<HasMetadata> objects = HelmChart.render(values).objects();

      assertThat(objects).as("%s", values).hasSizeGreaterThanOrEqualTo(4);
      assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
          .as("%s %s", o.getKind(), o.getMetadata().getName())
          .containsAllEntriesOf(expected));
    }
  }

  @Test
  void theSelectorPicksThePodAndOnlyByStableLabels() {
    Deployment deployment = HelmChart.render(Values.defaults()).deployment();
    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();

    // A Deployment's selector cannot change: nothing that moves with a version belongs in it.
    assertThat(selector).containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
  }

  @Test
  void namesFollowReleaseAndOverrides() {
    assertThat(HelmChart.render("prod", Values.defaults()).deployment().getMetadata().getName())
        .isEqualTo("prod-cdc-operator");
    assertThat(HelmChart.render("prod", Values.defaults().with("fullnameOverride", "cdc")).deployment()
        .getMetadata().getName()).isEqualTo("cdc");
    Rendered renamed = HelmChart.render("prod", Values.defaults().with("nameOverride", "pipelines"));
    assertThat(renamed.deployment().getMetadata().getName()).isEqualTo("prod-pipelines");
    assertThat(renamed.one(ClusterRoleBinding.class).getRoleRef().getName()).isEqualTo("prod-pipelines");
    assertThat(renamed.deployment().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "pipelines");
  }
}
