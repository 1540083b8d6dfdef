package dev.pipelines.cdc.apiserver;

import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;

/**
 * The operator in-process, configured as {@code OperatorMain} configures it: java-operator-sdk's
 * defaults, so server-side apply for the primary's status and for the FlinkDeployment. The only
 * difference is the client (the chart's ServiceAccount, impersonated) and the databases (fakes:
 * these tests are about the API server). Compare operator's MockServerOperator, which has to
 * switch server-side apply off.
 */
final class ProductionOperator {
  private ProductionOperator() {}

  static Operator start(KubernetesClient client, OperatorSettings settings, Databases databases) {
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), databases, new SlotMetrics(),
        o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.start();
    return operator;
  }
}
