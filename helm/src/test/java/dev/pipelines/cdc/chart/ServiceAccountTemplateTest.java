package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator runs as its own service account, created or brought by the user, and RBAC binds that one. */
class ServiceAccountTemplateTest {

  @Test
  void createdByDefaultWithTheReleaseName() {
    Rendered rendered = HelmChart.render(Values.defaults()
        .with("serviceAccount.annotations", Map.of("iam.example.com/role", "cdc-operator")));

    ServiceAccount account = rendered.one(ServiceAccount.class);
    assertThat(account.getMetadata().getName()).isEqualTo("cdc-operator");
    assertThat(account.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    assertThat(account.getMetadata().getAnnotations()).containsEntry("iam.example.com/role", "cdc-operator");
    assertThat(serviceAccountOf(rendered)).isEqualTo("cdc-operator");
  }

  @Test
  void createdWithAGivenName() {
    Rendered rendered = HelmChart.render(Values.defaults().with("serviceAccount.name", "cdc"));

    assertThat(rendered.one(ServiceAccount.class).getMetadata().getName()).isEqualTo("cdc");
    assertThat(serviceAccountOf(rendered)).isEqualTo("cdc");
    assertThat(rendered.one(ClusterRoleBinding.class).getSubjects()).extracting("name").containsExactly("cdc");
  }

  @Test
  void anExistingOneIsUsedAndBound() {
    Rendered clusterWide = HelmChart.render(Values.defaults()
        .with("serviceAccount.create", false)
        .with("serviceAccount.name", "platform-operator"));
    Rendered namespaced = HelmChart.render(Values.defaults()
        .with("serviceAccount.create", false)
        .with("serviceAccount.name", "platform-operator")
        .with("watchNamespaces", List.of("data")));

    assertThat(clusterWide.all(ServiceAccount.class)).isEmpty();
    assertThat(serviceAccountOf(clusterWide)).isEqualTo("platform-operator");
    assertThat(clusterWide.one(ClusterRoleBinding.class).getSubjects()).extracting("name", "namespace")
        .containsExactly(tuple("platform-operator", HelmChart.NAMESPACE));
    assertThat(namespaced.one(RoleBinding.class).getSubjects()).extracting("name", "namespace")
        .containsExactly(tuple("platform-operator", HelmChart.NAMESPACE));
  }

  @Test
  void withoutCreateOrNameTheNamespaceDefaultAccount() {
    Rendered rendered = HelmChart.render(Values.defaults().with("serviceAccount.create", false));

    assertThat(rendered.all(ServiceAccount.class)).isEmpty();
    assertThat(serviceAccountOf(rendered)).isEqualTo("default");
  }

  private static String serviceAccountOf(Rendered rendered) {
    return rendered.deployment().getSpec().getTemplate().getSpec().getServiceAccountName();
  }
}
