package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operator's contract with the Kubernetes API: each resource ({@code group/resource}, core
 * group written {@code core}) and the verbs the operator uses on it — no more. The chart must grant
 * exactly this, in a ClusterRole or in a Role per watched namespace; a test against a real API
 * server can check that the operator works with exactly these rules. Why each is needed is written
 * next to the rule in {@code templates/_helpers.tpl}.
 */
public final class OperatorRbac {
  // @formatter:off
  public static final Map<String, Set<String>> EXPECTED = table(
      // resource                                    verbs
      "cdc.pipelines.dev/cdcpipelines",              "get list watch patch",
      "cdc.pipelines.dev/cdcpipelines/status",       "patch",
      "cdc.pipelines.dev/cdcpipelines/finalizers",   "update",
      "flink.apache.org/flinkdeployments",           "get list watch create patch delete",
      "core/configmaps",                             "list watch create update",
      "core/secrets",                                "get",
      "core/events",                                 "create");
  // @formatter:on

  private OperatorRbac() {}

  /**
   * Rules flattened to {@code group/resource → verbs}. Rules that name resourceNames or non-resource
   * URLs are refused: the operator's rules never do.
   */
  public static Map<String, Set<String>> of(Collection<PolicyRule> rules) {
    Map<String, Set<String>> granted = new TreeMap<>();
    for (PolicyRule rule : rules) {
      assertThat(rule.getResourceNames()).as("resourceNames in %s", rule).isNullOrEmpty();
      assertThat(rule.getNonResourceURLs()).as("nonResourceURLs in %s", rule).isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          granted.computeIfAbsent((group.isEmpty() ? "core" : group) + "/" + resource, k -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    return granted;
  }

  private static Map<String, Set<String>> table(String... resourceThenVerbs) {
    TreeMap<String, Set<String>> table = new TreeMap<>();
    for (int i = 0; i < resourceThenVerbs.length; i += 2) {
      table.put(resourceThenVerbs[i],
          Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(resourceThenVerbs[i + 1].split(" ")))));
    }
    return Collections.unmodifiableSortedMap(table);
  }
}
