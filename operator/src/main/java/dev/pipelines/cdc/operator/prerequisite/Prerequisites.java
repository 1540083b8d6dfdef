package dev.pipelines.cdc.operator.prerequisite;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Whether the API server serves the resource types the operator watches. Asks API discovery
 * ({@code GET /apis/<group>/<version>}), which every authenticated user may read (the {@code system:discovery}
 * ClusterRole), so the check needs no permission beyond the chart's; and discovery lists a version only while a
 * CRD serves it, which is what the informers need (a CRD that exists but no longer serves our version is missing
 * too).
 */
public final class Prerequisites {
  /**
   * The Flink Kubernetes Operator version whose API jar the operator is built with (its manifest's
   * Implementation-Version; 1.10.0, the one {@code hack/kind-up.sh} installs), or null if the manifest is gone.
   */
  static final String FLINK_OPERATOR_VERSION = FlinkDeployment.class.getPackage().getImplementationVersion();

  static final String FLINK_OPERATOR_DOCS = "https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-stable/";

  public static final RequiredApi FLINK_DEPLOYMENTS = RequiredApi.of(FlinkDeployment.class,
      FLINK_OPERATOR_VERSION == null
          ? "install the Apache Flink Kubernetes Operator, which brings this CRD (" + FLINK_OPERATOR_DOCS + ")"
          : "install the Apache Flink Kubernetes Operator, which brings this CRD: helm repo add flink-operator-repo"
              + " https://downloads.apache.org/flink/flink-kubernetes-operator-" + FLINK_OPERATOR_VERSION + "/"
              + " && helm install flink-kubernetes-operator flink-operator-repo/flink-kubernetes-operator"
              + " --namespace flink-operator --create-namespace --set webhook.create=false"
              + " (" + FLINK_OPERATOR_DOCS + ")");

  public static final RequiredApi CDC_PIPELINES = RequiredApi.of(CdcPipeline.class,
      "install this operator's CRD: kubectl apply -f crds/" + HasMetadata.getFullResourceName(CdcPipeline.class)
          + "-v1.yml (from the repository; hack/update-crds.sh names it so), or install the Helm chart"
          + " helm/cdc-operator, which ships it");

  /** Ours first: without it nothing else matters. */
  public static final List<RequiredApi> REQUIRED = List.of(CDC_PIPELINES, FLINK_DEPLOYMENTS);

  private Prerequisites() {}

  /** {@code api} is served if its version's discovery document lists its plural ({@code null}: the version 404s). */
  public static boolean served(RequiredApi api, APIResourceList discovery) {
    return discovery != null && discovery.getResources() != null
        && discovery.getResources().stream().anyMatch(r -> api.plural().equals(r.getName()));
  }

  /** The required APIs that {@code discovery} (group/version to its document, or null) does not serve. */
  public static List<RequiredApi> missing(List<RequiredApi> required, Function<String, APIResourceList> discovery) {
    List<RequiredApi> missing = new ArrayList<>();
    for (RequiredApi api : required) {
      if (!served(api, discovery.apply(api.groupVersion()))) {
        missing.add(api);
      }
    }
    return List.copyOf(missing);
  }

  /**
   * Asks the API server.
   *
   * @throws KubernetesClientException when it cannot be asked (unreachable, unauthorized)
   */
  public static List<RequiredApi> missing(KubernetesClient client) {
    return missing(REQUIRED, client::getApiResources);
  }
}
