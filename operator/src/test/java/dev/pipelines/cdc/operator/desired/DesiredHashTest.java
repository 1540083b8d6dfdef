package dev.pipelines.cdc.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

class DesiredHashTest {

  @Test
  void everyDesiredObjectCarriesTheHashOfItsOtherFields() {
    DesiredResources desired = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings());

    for (var object : java.util.List.of(desired.configMap(), desired.flinkDeployment())) {
      assertThat(object.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION))
          .hasSize(16).isEqualTo(DesiredHash.of(object));
    }
  }

  @Test
  void theHashDoesNotDependOnTheOrderOfMapEntries() {
    FlinkDeployment a = desired();
    FlinkDeployment b = desired();
    Map<String, String> reversed = new LinkedHashMap<>();
    new TreeMap<>(b.getSpec().getFlinkConfiguration()).descendingMap().forEach(reversed::put);
    b.getSpec().setFlinkConfiguration(reversed);
    Map<String, String> labels = new LinkedHashMap<>();
    new TreeMap<>(b.getMetadata().getLabels()).descendingMap().forEach(labels::put);
    b.getMetadata().setLabels(labels);

    assertThat(Serialization.asJson(b)).isNotEqualTo(Serialization.asJson(a));
    assertThat(DesiredHash.of(b)).isEqualTo(DesiredHash.of(a));
  }

  @Test
  void anyChangeTheOperatorWouldApplyChangesTheHash() {
    String before = DesiredHash.of(desired());

    FlinkDeployment image = desired();
    image.getSpec().setImage("other:1");
    FlinkDeployment conf = desired();
    conf.getSpec().getFlinkConfiguration().put("taskmanager.numberOfTaskSlots", "2");
    FlinkDeployment env = desired();
    env.getSpec().getPodTemplate().getSpec().getContainers().get(0).getEnv().get(0).setName("X");
    FlinkDeployment label = desired();
    label.getMetadata().getLabels().put("team", "data");

    for (FlinkDeployment changed : java.util.List.of(image, conf, env, label)) {
      assertThat(DesiredHash.of(changed)).isNotEqualTo(before);
    }
  }

  @Test
  void anObjectMatchesOnlyWithTheDesiredHash() {
    FlinkDeployment desired = desired();
    FlinkDeployment same = desired();
    FlinkDeployment old = desired();
    old.getMetadata().getAnnotations().remove(DesiredHash.ANNOTATION);
    FlinkDeployment other = desired();
    other.getSpec().setImage("other:1");

    assertThat(DesiredHash.matches(same, desired)).isTrue();
    assertThat(DesiredHash.matches(old, desired)).as("created before the hash existed").isFalse();
    assertThat(DesiredHash.matches(DesiredHash.stamped(other), desired)).isFalse();
  }

  private static FlinkDeployment desired() {
    return DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment();
  }
}
