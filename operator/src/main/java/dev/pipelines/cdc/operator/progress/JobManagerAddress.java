package dev.pipelines.cdc.operator.progress;

import java.net.URI;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Where a FlinkDeployment's JobManager REST API answers. The Flink Kubernetes Operator reaches it the
 * same way: through the Service {@code <name>-rest} it creates in the deployment's namespace, on
 * {@code rest.port} (8081 unless the deployment's flinkConfiguration sets another).
 */
@FunctionalInterface
public interface JobManagerAddress {
  int DEFAULT_REST_PORT = 8081;
  /** Flink's own key for the REST port, in the FlinkDeployment's flinkConfiguration. */
  String REST_PORT_KEY = "rest.port";

  URI of(FlinkDeployment deployment);

  /** The in-cluster Service address. */
  static JobManagerAddress restService() {
    return deployment -> URI.create("http://" + deployment.getMetadata().getName() + "-rest."
        + deployment.getMetadata().getNamespace() + ":" + restPort(deployment) + "/");
  }

  static int restPort(FlinkDeployment deployment) {
    Map<String, String> conf = deployment.getSpec() == null ? null : deployment.getSpec().getFlinkConfiguration();
    String port = conf == null ? null : conf.get(REST_PORT_KEY);
    try {
      return port == null ? DEFAULT_REST_PORT : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      return DEFAULT_REST_PORT;
    }
  }
}
