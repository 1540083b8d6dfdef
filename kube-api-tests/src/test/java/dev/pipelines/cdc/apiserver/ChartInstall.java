package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.chart.HelmChart;
import dev.pipelines.cdc.chart.Rendered;
import dev.pipelines.cdc.chart.Values;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * The chart as {@code helm install} would put it on the cluster: everything {@code helm template}
 * renders (ServiceAccount, RBAC, the operator Deployment; no kubelet runs it here), applied through
 * the real API server, which validates each object.
 *
 * @param serviceAccount the operator's identity
 * @param operatorEnv the operator container's environment, as the chart sets it
 */
record ChartInstall(ServiceAccountUser serviceAccount, Map<String, String> operatorEnv) {

  static ChartInstall apply(KubernetesClient admin, Values values) {
    Rendered rendered = HelmChart.render(values);
    ensureNamespace(admin, HelmChart.NAMESPACE);
    for (HasMetadata object : rendered.objects()) {
      if (object.getMetadata().getNamespace() == null && namespaced(object)) {
        object.getMetadata().setNamespace(HelmChart.NAMESPACE);
      }
      admin.resource(object).fieldManager("helm").forceConflicts().serverSideApply();
    }
    ServiceAccount sa = rendered.one(ServiceAccount.class);
    String saNamespace = sa.getMetadata().getNamespace() == null ? HelmChart.NAMESPACE : sa.getMetadata().getNamespace();
    assertThat(rendered.deployment().getSpec().getTemplate().getSpec().getServiceAccountName())
        .as("the operator pod runs as the rendered ServiceAccount").isEqualTo(sa.getMetadata().getName());
    return new ChartInstall(new ServiceAccountUser(saNamespace, sa.getMetadata().getName()), rendered.env());
  }

  static void ensureNamespace(KubernetesClient admin, String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static boolean namespaced(HasMetadata object) {
    return !List.of("ClusterRole", "ClusterRoleBinding", "Namespace", "CustomResourceDefinition")
        .contains(object.getKind());
  }
}
