package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipelines.cdc.e2e.ShopDatabases.Credentials;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole product on a kind cluster: hack/kind-up.sh installs the Flink operator, Postgres,
 * StarRocks, MinIO, our chart and deploy/kind/pipeline.yaml; then the pipeline's life is driven
 * as a user would, with every claim checked in the databases themselves. The steps build on each
 * other and run in order. Skipped (with the reason) where docker, kind, kubectl or helm is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdcPipelineOnKindE2E {
  private static final String NAMESPACE = "data";
  private static final String PIPELINE = "orders";
  private static final String SLOT = "cdc_orders";
  private static final String PUBLICATION = "cdc_orders";
  private static final List<String> PIPELINE_TABLES = List.of("orders", "order_items");
  private static final Duration POLL = Duration.ofSeconds(3);

  private final E2eSettings settings = E2eSettings.fromEnv(System.getenv());
  private RepoPaths repo;
  private Prerequisites prerequisites;
  private KindCluster cluster;
  private boolean clusterCreatedHere;
  private KubernetesClient kube;
  private ShopDatabases shop;

  @RegisterExtension
  final TestWatcher diagnostics = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (cluster != null) {
        try {
          String step = context.getRequiredTestMethod().getName();
          System.err.println("diagnostics: " + ClusterDiagnostics.dump(cluster, repo.logs().resolve("diagnostics-" + step + ".log")));
        } catch (Exception e) {
          System.err.println("diagnostics could not be collected: " + e);
        }
      }
    }
  };

  @BeforeAll
  void installEverything() throws Exception {
    repo = RepoPaths.locate();
    prerequisites = Prerequisites.check(repo, Map.of());
    if (!prerequisites.present()) {
      // Said once here; each step is then skipped with the same reason (@BeforeEach).
      System.err.println(prerequisites.message());
      return;
    }

    KindConfig config = KindConfig.read(repo.kindConfig());
    KindManifests manifests = KindManifests.load(repo.kindManifests());
    cluster = new KindCluster(repo, config);
    clusterCreatedHere = !cluster.exists();
    if (!clusterCreatedHere) {
      // A reused cluster may hold the pipeline of an earlier (maybe failed) run: start from a
      // fresh one, which kind-up.sh then creates and waits for. Best effort: on a cluster
      // without our CRD yet there is nothing to delete.
      CommandResult deleted = cluster.kubectl(Duration.ofMinutes(10), "-n", NAMESPACE, "delete", "cdcpipeline",
          PIPELINE, "--ignore-not-found", "--wait=true", "--timeout=10m");
      System.err.println("reusing cluster " + config.name() + ": " + deleted.output().strip());
    }
    try {
      cluster.up();
    } catch (AssertionError e) {
      System.err.println("diagnostics: " + ClusterDiagnostics.dump(cluster, repo.logs().resolve("diagnostics-kind-up.log")));
      throw e;
    }
    kube = cluster.client();
    shop = new ShopDatabases(
        config.hostPortFor(manifests.nodePort(NAMESPACE, "postgres-external", "postgres")),
        credentials("postgres-admin"),
        config.hostPortFor(manifests.nodePort(NAMESPACE, "starrocks-external", "mysql")),
        credentials("starrocks-loader"));
  }

  @BeforeEach
  void requirePrerequisites() {
    assumeTrue(prerequisites.present(), prerequisites.message());
  }

  @AfterAll
  void tearDown() throws Exception {
    if (kube != null) {
      kube.close();
    }
    if (cluster != null && settings.deleteClusterAfterwards(clusterCreatedHere)) {
      cluster.down();
    } else if (cluster != null) {
      System.err.println("kind cluster " + cluster.config().name() + " left running ("
          + (clusterCreatedHere ? E2eSettings.KEEP_CLUSTER + "=true" : "it existed before the suite") + "); hack/kind-down.sh deletes it");
    }
  }

  @Test
  @Order(1)
  void snapshotOfExistingRowsArrives() {
    assertThat(condition(pipeline(), "Ready")).as("Ready condition after hack/kind-up.sh")
        .map(Condition::status).contains(Condition.TRUE);
    awaitTablesEqual(Duration.ofMinutes(10), PIPELINE_TABLES);
  }

  @Test
  @Order(2)
  void insertsUpdatesAndDeletesArrive() throws Exception {
    long a = shop.nextId("orders");
    long b = a + 1;
    shop.inOneTransaction(
        "INSERT INTO orders (id, customer_id, status, total, created_at) VALUES ("
            + a + ", 7, 'new', 19.99, '2024-06-01 12:00:00.123456+02')",
        "INSERT INTO order_items VALUES (" + a + ", 1, 'SKU-E2E-1', 2, 9.99), (" + a + ", 2, 'SKU-E2E-2', 1, 0.01)",
        "INSERT INTO orders (id, customer_id, status, total) VALUES (" + b + ", 8, 'new', 5.00)",
        "INSERT INTO order_items VALUES (" + b + ", 1, 'SKU-E2E-3', 3, 1.50)");
    shop.oneByOne(
        "UPDATE orders SET status = 'paid', total = total + 1, updated_at = now() WHERE id IN (1, 2, " + a + ")",
        "UPDATE order_items SET quantity = quantity + 1 WHERE order_id = 3",
        "DELETE FROM orders WHERE id = " + b, // cascades to its items
        "DELETE FROM orders WHERE id = 4");
    awaitTablesEqual(Duration.ofMinutes(5), PIPELINE_TABLES);
  }

  @Test
  @Order(3)
  void suspendedPipelineKeepsItsSlotAndCatchesUpOnResume() throws Exception {
    patchPipeline("{\"spec\":{\"job\":{\"suspend\":true}}}");
    await("FlinkDeployment suspended").atMost(Duration.ofMinutes(10)).pollInterval(POLL).ignoreExceptions()
        .untilAsserted(() -> {
          FlinkDeployment deployment = flinkDeployment().orElseThrow();
          assertThat(deployment.getSpec().getJob().getState()).isEqualTo(JobState.SUSPENDED);
          assertThat(deployment.getStatus().getLifecycleState()).isEqualTo(ResourceLifecycleState.SUSPENDED);
          assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Suspended);
        });
    await("slot kept, no consumer").atMost(Duration.ofMinutes(2)).pollInterval(POLL)
        .untilAsserted(() -> assertThat(shop.slotActive(SLOT)).contains(false));

    long c = shop.nextId("orders");
    shop.oneByOne(
        "INSERT INTO orders (id, customer_id, status, total) VALUES (" + c + ", 9, 'new', 42.00)",
        "INSERT INTO order_items VALUES (" + c + ", 1, 'SKU-E2E-4', 1, 42.00)",
        "UPDATE orders SET status = 'shipped', updated_at = now() WHERE id = 5",
        "DELETE FROM orders WHERE id = 6");
    // Nothing may arrive while suspended (flushInterval is 1s, so 15s is plenty to notice a leak).
    Thread.sleep(Duration.ofSeconds(15).toMillis());
    assertThat(shop.starrocksHasRow("orders", c)).as("row %s arrived while suspended", c).isFalse();

    patchPipeline("{\"spec\":{\"job\":{\"suspend\":false}}}");
    awaitReadyAtCurrentGeneration(Duration.ofMinutes(15));
    awaitTablesEqual(Duration.ofMinutes(10), PIPELINE_TABLES);
  }

  @Test
  @Order(4)
  void addedTableIsSnapshottedAndStreamed() throws Exception {
    // The CDC role owns no table: the tables' owner adds it to the pipeline's publication.
    if (!shop.publishes(PUBLICATION, "public.customers")) {
      shop.oneByOne("ALTER PUBLICATION " + PUBLICATION + " ADD TABLE public.customers");
    }
    long d = shop.nextId("customers");
    shop.oneByOne("INSERT INTO customers (id, name, email) VALUES (" + d + ", 'before the change', NULL)");
    // docs/known-issues.md: a table is added with upgradeMode stateless (a fresh snapshot of every table).
    patchPipeline("{\"spec\":{\"source\":{\"postgres\":{\"tables\":"
        + "[\"public.orders\",\"public.order_items\",\"public.customers\"]}},"
        + "\"job\":{\"upgradeMode\":\"stateless\"}}}");
    awaitReadyAtCurrentGeneration(Duration.ofMinutes(15));
    awaitTablesEqual(Duration.ofMinutes(10), List.of("customers", "orders", "order_items"));

    shop.oneByOne(
        "INSERT INTO customers (id, name, email) VALUES (" + (d + 1) + ", 'after the change', 'new@example.com')",
        "UPDATE customers SET email = 'changed@example.com' WHERE id = " + d);
    awaitTablesEqual(Duration.ofMinutes(5), List.of("customers"));
  }

  @Test
  @Order(5)
  void deletionRemovesTheFlinkDeploymentAndDropsTheSlot() throws Exception {
    assertThat(shop.slotActive(SLOT)).as("slot before deletion").isPresent();
    pipelineResource().delete();
    await("CdcPipeline, FlinkDeployment and ConfigMap gone").atMost(Duration.ofMinutes(10)).pollInterval(POLL)
        .untilAsserted(() -> {
          assertThat(pipelineResource().get()).as("CdcPipeline").isNull();
          assertThat(flinkDeployment()).as("FlinkDeployment").isEmpty();
          assertThat(kube.configMaps().inNamespace(NAMESPACE).withName(PIPELINE + "-pipeline-config").get())
              .as("pipeline ConfigMap").isNull();
        });
    assertThat(shop.slotActive(SLOT)).as("replication slot %s after deletion", SLOT).isEmpty();
    // Owned by the tables' owner, not the CDC role: the operator may not drop it, and says so in an event.
    assertThat(shop.publicationExists(PUBLICATION)).as("publication %s is left to its owner", PUBLICATION).isTrue();
  }

  private void awaitTablesEqual(Duration timeout, List<String> tables) {
    await("StarRocks equals Postgres: " + tables).atMost(timeout).pollInterval(POLL).ignoreExceptions()
        .untilAsserted(() -> {
          for (String table : tables) {
            assertThat(shop.differences(table)).as("differences in %s", table).isEmpty();
          }
        });
  }

  private void awaitReadyAtCurrentGeneration(Duration timeout) {
    await("pipeline Ready for its latest spec").atMost(timeout).pollInterval(POLL).ignoreExceptions()
        .untilAsserted(() -> {
          CdcPipeline p = pipeline();
          CdcPipelineStatus status = p.getStatus();
          assertThat(status.observedGeneration()).isEqualTo(p.getMetadata().getGeneration());
          assertThat(condition(p, "Ready")).map(Condition::status).as(String.valueOf(status.conditions()))
              .contains(Condition.TRUE);
          assertThat(status.phase()).isEqualTo(Phase.Running);
        });
  }

  private void patchPipeline(String mergePatch) {
    pipelineResource().patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  private Resource<CdcPipeline> pipelineResource() {
    return kube.resources(CdcPipeline.class).inNamespace(NAMESPACE).withName(PIPELINE);
  }

  private CdcPipeline pipeline() {
    return pipelineResource().require();
  }

  private Optional<FlinkDeployment> flinkDeployment() {
    return Optional.ofNullable(kube.resources(FlinkDeployment.class).inNamespace(NAMESPACE).withName(PIPELINE).get());
  }

  private static Optional<Condition> condition(CdcPipeline p, String type) {
    return p.getStatus() == null
        ? Optional.empty()
        : p.getStatus().conditions().stream().filter(c -> type.equals(c.type())).findFirst();
  }

  /** Credentials from the cluster's Secret, the one the workloads use too. */
  private Credentials credentials(String secretName) {
    Secret secret = kube.secrets().inNamespace(NAMESPACE).withName(secretName).require();
    return new Credentials(decode(secret, "username"), decode(secret, "password"));
  }

  private static String decode(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
