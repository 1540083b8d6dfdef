package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.chart.OperatorRbac;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chart's namespaced mode ({@code watchNamespaces}: a Role and RoleBinding per namespace,
 * nothing cluster-wide) on a real API server: RBAC itself decides, through SubjectAccessReviews,
 * that the ServiceAccount may do exactly what {@link OperatorRbac} lists in a watched namespace
 * and nothing elsewhere; and the operator, watching only that namespace, works with it.
 * (The default ClusterRole mode is what every other *IT runs with.)
 */
class ChartRbacIT {
  private static final String WATCHED = TestPipelines.NAMESPACE;
  private static final String OTHER = "elsewhere";
  /** Everything a Role could grant on the resources the operator touches. */
  private static final List<String> ALL_VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  @RegisterExtension
  static final RealCluster cluster = new RealCluster()
      .withNamespaces(WATCHED, OTHER)
      .withChartValue("watchNamespaces", List.of(WATCHED))
      .withoutGarbageCollection();

  @Test
  void theServiceAccountMayDoExactlyWhatTheOperatorNeedsInTheWatchedNamespace() {
    for (Map.Entry<String, Set<String>> entry : OperatorRbac.EXPECTED.entrySet()) {
      for (String verb : ALL_VERBS) {
        assertThat(allowed(WATCHED, entry.getKey(), verb))
            .as("%s %s in %s", verb, entry.getKey(), WATCHED).isEqualTo(entry.getValue().contains(verb));
        assertThat(allowed(OTHER, entry.getKey(), verb)).as("%s %s in %s", verb, entry.getKey(), OTHER).isFalse();
      }
    }
  }

  @Test
  void theOperatorWorksWithTheNamespacedRole() {
    Pipelines pipelines = new Pipelines(cluster.admin(), WATCHED);
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());

    pipelines.awaitFlinkDeployment(TestPipelines.NAME);
    await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
      CdcPipeline p = pipelines.get(TestPipelines.NAME);
      assertThat(p.getStatus()).isNotNull();
      assertThat(p.getStatus().phase()).isEqualTo(Phase.Deploying);
    });
    pipelines.deleteAll();
  }

  /** @param resource {@code group/resource[/subresource]} as in OperatorRbac, core group written {@code core} */
  private boolean allowed(String namespace, String resource, String verb) {
    String[] parts = resource.split("/");
    ServiceAccountUser sa = cluster.serviceAccount();
    SubjectAccessReview review = new SubjectAccessReviewBuilder()
        .withNewSpec()
        .withUser(sa.username())
        .withGroups(Arrays.asList(sa.groups()))
        .withNewResourceAttributes()
        .withNamespace(namespace)
        .withGroup(parts[0].equals("core") ? "" : parts[0])
        .withResource(parts[1])
        .withSubresource(parts.length > 2 ? parts[2] : null)
        .withVerb(verb)
        .endResourceAttributes()
        .endSpec()
        .build();
    return cluster.admin().authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }
}
