package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's Deployment: one pod, hardened, probed, sized for a JVM. */
class DeploymentTemplateTest {
  private static final String VERSION = HelmChart.projectVersion();

  @Test
  void onePodReplacedNotRolled() {
    // No leader election: two pods would both reconcile every pipeline.
    Deployment deployment = HelmChart.render(Values.defaults()).deployment();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(deployment.getMetadata().getName()).isEqualTo("cdc-operator");
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
  }

  @Test
  void imageDefaultsToTheAppVersion() {
    Container container = HelmChart.render(Values.defaults()).container();

    assertThat(container.getImage()).isEqualTo("cdc-pipelines/operator:" + VERSION);
    assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void customImagesAndTags() {
    Rendered rendered = HelmChart.render(Values.defaults()
        .with("image.repository", "registry.example/cdc/operator")
        .with("image.tag", "1.2.3")
        .with("image.pullPolicy", "Always")
        .with("jobImage.repository", "registry.example/cdc/job")
        .with("jobImage.tag", "4.5.6")
        .with("imagePullSecrets", List.of(Map.of("name", "regcred"))));

    assertThat(rendered.container().getImage()).isEqualTo("registry.example/cdc/operator:1.2.3");
    assertThat(rendered.container().getImagePullPolicy()).isEqualTo("Always");
    assertThat(rendered.env()).containsEntry("CDC_JOB_IMAGE", "registry.example/cdc/job:4.5.6");
    assertThat(podSpec(rendered).getImagePullSecrets()).extracting("name").containsExactly("regcred");
  }

  @Test
  void podRunsAsNonRootUser65532WithRuntimeDefaultSeccomp() {
    PodSecurityContext pod = podSpec(HelmChart.render(Values.defaults())).getSecurityContext();

    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getRunAsGroup()).isEqualTo(65532L);
    assertThat(pod.getFsGroup()).isEqualTo(65532L);
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void containerIsLockedDown() {
    SecurityContext container = HelmChart.render(Values.defaults()).container().getSecurityContext();

    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getPrivileged()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void tmpIsAWritableEmptyDir() {
    // With a read-only root filesystem the JVM still needs /tmp.
    Rendered rendered = HelmChart.render(Values.defaults());

    assertThat(rendered.container().getVolumeMounts())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.getMountPath()).isEqualTo("/tmp");
          assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE);
          assertThat(podSpec(rendered).getVolumes()).filteredOn(v -> v.getName().equals(m.getName()))
              .singleElement()
              .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("64Mi")));
        });
  }

  @Test
  void probesUseTheHttpPort() {
    Container container = HelmChart.render(Values.defaults()).container();

    assertThat(container.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertHttpGet(container.getLivenessProbe(), "/healthz");
    assertHttpGet(container.getStartupProbe(), "/healthz");
    assertHttpGet(container.getReadinessProbe(), "/readyz");
  }

  @Test
  void metricsPortMovesPortEnvAndProbesTogether() {
    Rendered rendered = HelmChart.render(Values.defaults().with("metrics.port", 9102));

    assertThat(rendered.container().getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9102));
    assertThat(rendered.env()).containsEntry("CDC_METRICS_PORT", "9102");
    assertHttpGet(rendered.container().getReadinessProbe(), "/readyz");
  }

  @Test
  void scrapeAnnotationsOnlyWhenAsked() {
    Map<String, String> without = podAnnotations(HelmChart.render(Values.defaults()));
    Map<String, String> with = podAnnotations(HelmChart.render(Values.defaults()
        .with("metrics.scrapeAnnotations", true)
        .with("metrics.port", 9102)));

    assertThat(without).doesNotContainKeys("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path");
    assertThat(with).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "9102")
        .containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void resourcesFitAJvmOperatorAndTheHeapFollowsTheLimit() {
    Rendered rendered = HelmChart.render(Values.defaults());
    Container container = rendered.container();

    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("100m")).containsEntry("memory", new Quantity("256Mi"));
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("512Mi"));
    assertThat(rendered.env()).containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
  }

  @Test
  void jvmOptionsAreConfigurable() {
    Rendered rendered = HelmChart.render(Values.defaults()
        .with("jvm.maxRAMPercentage", 60)
        .with("jvm.extraOptions", "-XX:+ExitOnOutOfMemoryError"));

    assertThat(rendered.env()).containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void placementAndPodMetadataArePassedThrough() {
    Map<String, Object> inPoolOps = Map.of("key", "pool", "operator", "In", "values", List.of("ops"));
    Map<String, Object> affinity = Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution",
        Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(inPoolOps))))));
    Rendered rendered = HelmChart.render(Values.defaults()
        .with("nodeSelector", Map.of("kubernetes.io/os", "linux"))
        .with("tolerations", List.of(Map.of("key", "dedicated", "operator", "Equal", "value", "ops", "effect", "NoSchedule")))
        .with("affinity", affinity)
        .with("podAnnotations", Map.of("example.com/team", "data"))
        .with("podLabels", Map.of("team", "data"))
        .with("extraEnv", List.of(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128"))));
    PodSpec pod = podSpec(rendered);

    assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations()).extracting(Toleration::getKey, Toleration::getEffect)
        .containsExactly(tuple("dedicated", "NoSchedule"));
    assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms()).hasSize(1);
    assertThat(podAnnotations(rendered)).containsEntry("example.com/team", "data");
    assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "data");
    assertThat(rendered.env()).containsEntry("HTTPS_PROXY", "http://proxy:3128");
  }

  private static void assertHttpGet(Probe probe, String path) {
    assertThat(probe).as("probe for %s", path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  private static PodSpec podSpec(Rendered rendered) {
    return rendered.deployment().getSpec().getTemplate().getSpec();
  }

  private static Map<String, String> podAnnotations(Rendered rendered) {
    Map<String, String> annotations = rendered.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

}
