package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Reasons;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed manifest under {@code invalid/} is refused with its own message: by the real API
 * server (CRD schema, CEL) before the operator sees it, or by the operator's validator in the
 * SpecValid condition. Afterwards the operator still reconciles a valid pipeline: nothing crashed it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrdValidationIT {
  private static final String NAMESPACE = "validation";

  @RegisterExtension
  static final RealCluster cluster = new RealCluster().withNamespaces(NAMESPACE).withoutGarbageCollection();

  private final Pipelines pipelines = new Pipelines(cluster.admin(), NAMESPACE);

  static List<InvalidManifest> manifests() {
    return InvalidManifest.all();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void refusedWithItsMessage(InvalidManifest manifest) {
    switch (manifest.rejectedBy()) {
      case API_SERVER -> assertThatThrownBy(() -> cluster.admin().resource(manifest.resource(NAMESPACE)).create())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).as("HTTP status").isEqualTo(422);
            assertThat(e.getStatus().getMessage()).contains(manifest.message());
          });
      case OPERATOR -> {
        cluster.admin().resource(manifest.resource(NAMESPACE)).create();
        String name = manifest.name();
        await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
          Condition valid = pipelines.condition(name, ConditionTypes.SPEC_VALID);
          assertThat(valid.status()).isEqualTo("False");
          assertThat(valid.reason()).isEqualTo(Reasons.INVALID_SPEC);
          assertThat(valid.message()).contains(manifest.message());
          assertThat(pipelines.condition(name, ConditionTypes.READY).reason()).isEqualTo(Reasons.INVALID_SPEC);
          assertThat(pipelines.get(name).getStatus().phase()).isEqualTo(Phase.Invalid);
        });
        assertThat(pipelines.flinkDeployment(name)).as("FlinkDeployment of an invalid pipeline").isNull();
      }
    }
  }

  @Order(2)
  @Test
  void theOperatorStillReconcilesAValidPipeline() {
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());

    pipelines.awaitFlinkDeployment(TestPipelines.NAME);
    assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }
}
