package dev.pipelines.cdc.operator.informer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.DesiredResources;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

  @Test
  void aCopyIsEqualToTheObjectInEveryField() {
    FlinkDeployment running = FlinkOperatorDouble.on(desired()).deployedAndRunning().deployment();
    CdcPipeline pipeline = decoded(TestPipelines.full());

    for (Object object : new Object[] {running, pipeline, DesiredResources.of(TestPipelines.full(),
        TestOperatorSettings.settings()).configMap()}) {
      Object copy = SharedStrings.copy(object);

      assertThat(copy).isNotSameAs(object);
      assertThat(Serialization.asJson(copy)).isEqualTo(Serialization.asJson(object));
    }
  }

  @Test
  void equalStringsOfTwoObjectsAreOneString() {
    FlinkDeployment a = SharedStrings.copy(decoded(desired()));
    FlinkDeployment b = SharedStrings.copy(decoded(desired()));

    assertThat(b.getSpec().getImage()).isSameAs(a.getSpec().getImage());
    assertThat(b.getMetadata().getLabels().get("app.kubernetes.io/managed-by"))
        .isSameAs(a.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    assertThat(b.getMetadata().getOwnerReferences().get(0).getUid())
        .isSameAs(a.getMetadata().getOwnerReferences().get(0).getUid());
    assertThat(b.getSpec().getJob().getArgs()[0]).isSameAs(a.getSpec().getJob().getArgs()[0]);
  }

  @Test
  void nothingIsCopiedFromNothing() {
    assertThat((Object) SharedStrings.copy(null)).isNull();
  }

  private static FlinkDeployment desired() {
    return DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment();
  }

  /** As an informer has it: decoded from the API server's JSON (its own, unshared strings). */
  @SuppressWarnings("unchecked")
  private static <T> T decoded(T object) {
    return (T) Serialization.unmarshal(Serialization.asJson(object), object.getClass());
  }
}
