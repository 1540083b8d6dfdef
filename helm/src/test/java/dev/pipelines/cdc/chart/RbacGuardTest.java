package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines that hold even if someone edits both the chart and {@link OperatorRbac}: no wildcards, and
 * Secrets only by name (list or watch would let the operator read every Secret it can see).
 */
class RbacGuardTest {

  static Stream<Values> modes() {
    return Stream.of(Values.defaults(), Values.defaults().with("watchNamespaces", List.of("data", "analytics")));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void noWildcards(Values values) {
    for (PolicyRule rule : rules(values)) {
      assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).doesNotContain("*");
      assertThat(rule.getResources()).as("resources of %s", rule).noneMatch(r -> r.contains("*"));
      assertThat(rule.getVerbs()).as("verbs of %s", rule).doesNotContain("*");
    }
  }

  @ParameterizedTest
  @MethodSource("modes")
  void secretsAreOnlyReadByName(Values values) {
    Map<String, Set<String>> granted = OperatorRbac.of(rules(values));

    assertThat(granted.get("core/secrets")).containsExactly("get");
  }

  private static List<PolicyRule> rules(Values values) {
    Rendered rendered = HelmChart.render(values);
    List<PolicyRule> rules = Stream.concat(
        rendered.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
        rendered.all(Role.class).stream().flatMap(r -> r.getRules().stream())).toList();
    assertThat(rules).as("rendered rules").isNotEmpty();
    return rules;
  }
}
