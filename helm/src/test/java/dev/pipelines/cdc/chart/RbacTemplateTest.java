package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cluster-wide mode grants {@link OperatorRbac#EXPECTED} through a ClusterRole; namespaced mode
 * grants the same in each watched namespace and nothing cluster-wide.
 */
class RbacTemplateTest {

  @Test
  void clusterWideModeGrantsExactlyTheOperatorsRulesThroughAClusterRole() {
    Rendered rendered = HelmChart.render(Values.defaults());

    ClusterRole role = rendered.one(ClusterRole.class);
    ClusterRoleBinding binding = rendered.one(ClusterRoleBinding.class);

    assertThat(OperatorRbac.of(role.getRules())).isEqualTo(OperatorRbac.EXPECTED);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement().satisfies(RbacTemplateTest::isTheOperatorsServiceAccount);
    assertThat(rendered.all(Role.class)).isEmpty();
    assertThat(rendered.all(RoleBinding.class)).isEmpty();
  }

  @Test
  void namespacedModeGrantsTheSameRulesInEachWatchedNamespaceOnly() {
    Rendered rendered = HelmChart.render(Values.defaults().with("watchNamespaces", List.of("data", "analytics")));

    assertThat(rendered.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("data", "analytics");
    assertThat(rendered.all(Role.class))
        .allSatisfy(r -> assertThat(OperatorRbac.of(r.getRules())).isEqualTo(OperatorRbac.EXPECTED));
    assertThat(rendered.all(RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("data", "analytics");
    assertThat(rendered.all(RoleBinding.class)).allSatisfy(b -> {
      assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(b.getRoleRef().getName()).isEqualTo(rendered.all(Role.class).get(0).getMetadata().getName());
      assertThat(b.getSubjects()).singleElement().satisfies(RbacTemplateTest::isTheOperatorsServiceAccount);
    });
    assertThat(rendered.all(ClusterRole.class)).isEmpty();
    assertThat(rendered.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(rendered.env()).containsEntry("CDC_WATCH_NAMESPACES", "data,analytics");
  }

  @Test
  void rbacCreateFalseCreatesNoRbacInEitherMode() {
    for (Values values : List.of(
        Values.defaults().with("rbac.create", false),
        Values.defaults().with("rbac.create", false).with("watchNamespaces", List.of("data")))) {
      Rendered rendered = HelmChart.render(values);

      assertThat(rendered.all(ClusterRole.class)).as("%s", values).isEmpty();
      assertThat(rendered.all(ClusterRoleBinding.class)).as("%s", values).isEmpty();
      assertThat(rendered.all(Role.class)).as("%s", values).isEmpty();
      assertThat(rendered.all(RoleBinding.class)).as("%s", values).isEmpty();
      assertThat(rendered.deployment()).as("%s", values).isNotNull();
    }
  }

  private static void isTheOperatorsServiceAccount(Subject subject) {
    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
    assertThat(subject.getName()).isEqualTo("cdc-operator");
    assertThat(subject.getNamespace()).isEqualTo(HelmChart.NAMESPACE);
  }
}
