package dev.pipelines.cdc.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class OperatorReadinessIT {
  static KubernetesClient client;

  @Test
  void readyWhileStartedWithHealthyInformersAndNotAfterStop() {
    Operator operator = MockServerOperator.start(client, FakeDatabases.allReady(), new SlotMetrics());
    OperatorReadiness readiness = new OperatorReadiness(operator);
    try {
      assertThat(readiness.notReadyReason()).isEmpty();
    } finally {
      operator.stop();
    }
    assertThat(readiness.notReadyReason()).isPresent();
  }
}
