package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.JdbcPostgres;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Conditions;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.ReplicationSlot;
import dev.pipelines.cdc.testsupport.Sql;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator in-process against the fabric8 mock API server, with a real PostgreSQL 17 behind
 * preflight, slot status and clean-up (the sink preflight is faked: no StarRocks here). The test
 * stands in for the Flink job where a job would touch the database: it creates the slot with
 * pg_create_logical_replication_slot and writes WAL.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(PostgresExtension.class)
class SourceLifecycleIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String NS = TestPipelines.NAMESPACE;
  static KubernetesClient client;
  private static Operator operator;
  private static PostgresServer pg;
  private static final SlotMetrics METRICS = new SlotMetrics();

  @BeforeAll
  static void startOperator(PostgresServer server) {
    pg = server;
    JdbcPostgres postgres = new JdbcPostgres();
    Databases databases = new Databases(postgres, FakeDatabases.allReady().sink(), postgres);
    operator = MockServerOperator.start(client, databases, METRICS);
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @AfterEach
  void cleanUp() {
    for (CdcPipeline p : client.resources(CdcPipeline.class).inNamespace(NS).list().getItems()) {
      skipCleanup(p.getMetadata().getName());
    }
    client.resources(CdcPipeline.class).inAnyNamespace().delete();
    await().atMost(TIMEOUT).until(() -> client.resources(CdcPipeline.class).inAnyNamespace().list().getItems().isEmpty());
    client.resources(FlinkDeployment.class).inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.secrets().inAnyNamespace().delete();
    client.v1().events().inAnyNamespace().delete();
    pg.dropAllReplicationSlots();
  }

  @Test
  void failingPreflightBlocksDeploymentUntilFixed() {
    pg.superuserSql().execute("DROP TABLE IF EXISTS lc_later");
    createSecrets();
    create(pipeline("blocked", PostgresServer.DATABASE, pg.port(), "public.lc_later"));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition source = condition("blocked", ConditionTypes.SOURCE_READY);
      assertThat(source.reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
      assertThat(source.message()).contains("'public.lc_later'", "nothing is deployed");
      assertThat(condition("blocked", ConditionTypes.READY).reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
      assertThat(get("blocked").getStatus().phase()).isEqualTo(Phase.Pending);
    });
    assertThat(flinkDeployment("blocked")).isNull();

    table(pg.superuserSql(), "lc_later", "id int PRIMARY KEY, note text");
    publication(pg.superuserSql(), "cdc_data_blocked", "lc_later");
    // Retried with backoff (5 s at first), then deployed.
    await().atMost(TIMEOUT).until(() -> flinkDeployment("blocked") != null);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(condition("blocked", ConditionTypes.SOURCE_READY).reason()).isEqualTo(Reasons.PREFLIGHT_PASSED);
      assertThat(condition("blocked", ConditionTypes.SOURCE_WARNINGS).reason()).isEqualTo(Reasons.REPLICA_IDENTITY_NOT_FULL);
    });
  }

  @Test
  void lagGrowsWhileSuspendedAndTheStatusShowsIt() {
    table(pg.superuserSql(), "lc_orders", "id int PRIMARY KEY, qty int");
    publication(pg.superuserSql(), "cdc_data_lagging", "lc_orders");
    createSecrets();
    create(TestPipelines.with(pipeline("lagging", PostgresServer.DATABASE, pg.port(), "public.lc_orders"),
        "spec.source.postgres.maxLag", "64Ki"));
    await().atMost(TIMEOUT).until(() -> flinkDeployment("lagging") != null);
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(condition("lagging", ConditionTypes.SLOT_LAGGING).reason()).isEqualTo(Reasons.SLOT_NOT_CREATED));

    // The job would create its slot when it starts; then the pipeline is suspended.
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('cdc_data_lagging', 'pgoutput')");
    edit("lagging", "spec.job.suspend", true);
    await().atMost(TIMEOUT).until(() -> flinkDeployment("lagging").getSpec().getJob().getState() == JobState.SUSPENDED);
    SourceStatus before = await().atMost(TIMEOUT).until(() -> get("lagging").getStatus().source(),
        s -> s != null && Boolean.TRUE.equals(s.slotExists()));
    assertThat(before.slotName()).isEqualTo("cdc_data_lagging");
    assertThat(before.publicationName()).isEqualTo("cdc_data_lagging");
    assertThat(before.active()).isFalse();
    assertThat(before.confirmedFlushLsn()).isNotNull();
    assertThat(condition("lagging", ConditionTypes.SLOT_LAGGING).reason()).isEqualTo(Reasons.LAG_WITHIN_THRESHOLD);

    pg.superuserSql().execute("INSERT INTO lc_orders SELECT g, g FROM generate_series(1, 5000) g");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      SourceStatus now = get("lagging").getStatus().source();
      assertThat(now.lagBytes()).isGreaterThan(before.lagBytes() + 64 * 1024);
      assertThat(now.retainedWalBytes()).isGreaterThanOrEqualTo(now.lagBytes());
      Condition lagging = condition("lagging", ConditionTypes.SLOT_LAGGING);
      assertThat(lagging.status()).isEqualTo("True");
      assertThat(lagging.reason()).isEqualTo(Reasons.LAG_ABOVE_THRESHOLD);
      assertThat(lagging.message()).contains("no consumer is connected", "of WAL for it");
    });
    assertThat(METRICS.scrape()).contains("cdc_pipeline_slot_lag_bytes{namespace=\"data\",pipeline=\"lagging\",slot=\"cdc_data_lagging\"}");
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events()).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo(Reasons.LAG_ABOVE_THRESHOLD);
      assertThat(e.getType()).isEqualTo("Warning");
    }));
  }

  @Test
  void deleteDropsTheSlotAndPublicationAndLeavesOtherSlotsAlone() {
    table(pg.superuserSql(), "lc_deleted", "id int PRIMARY KEY");
    publication(pg.superuserSql(), "cdc_data_deleted", "lc_deleted");
    // As if the job had created it: owned by the pipeline's user, so the operator may drop it.
    pg.superuserSql().execute("ALTER PUBLICATION cdc_data_deleted OWNER TO " + PostgresServer.CDC_USER);
    createSecrets();
    create(pipeline("deleted", PostgresServer.DATABASE, pg.port(), "public.lc_deleted"));
    await().atMost(TIMEOUT).until(() -> flinkDeployment("deleted") != null);
    pg.superuserSql().execute(
        "SELECT pg_create_logical_replication_slot('cdc_data_deleted', 'pgoutput')",
        "SELECT pg_create_logical_replication_slot('lc_unrelated', 'pgoutput')");
    await().atMost(TIMEOUT).until(() -> get("deleted").getStatus().source(),
        s -> s != null && Boolean.TRUE.equals(s.slotExists()));

    assertThat(get("deleted").getMetadata().getFinalizers()).containsExactly("cdcpipelines.cdc.pipelines.dev/finalizer");
    client.resource(get("deleted")).delete();

    await().atMost(TIMEOUT).until(() -> get("deleted") == null);
    assertThat(flinkDeployment("deleted")).isNull();
    assertThat(pg.replicationSlots()).extracting(ReplicationSlot::name).contains("lc_unrelated").doesNotContain("cdc_data_deleted");
    assertThat(pg.publications()).noneMatch(p -> p.name().equals("cdc_data_deleted"));
    assertThat(events()).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo(Reasons.SLOT_DROPPED);
      assertThat(e.getMessage()).isEqualTo("dropped replication slot cdc_data_deleted and publication cdc_data_deleted");
    });
    assertThat(METRICS.scrape()).doesNotContain("pipeline=\"deleted\"");
  }

  @Test
  void skipAnnotationLeavesTheSlot() {
    table(pg.superuserSql(), "lc_skipped", "id int PRIMARY KEY");
    publication(pg.superuserSql(), "cdc_data_skipped", "lc_skipped");
    createSecrets();
    create(pipeline("skipped", PostgresServer.DATABASE, pg.port(), "public.lc_skipped"));
    await().atMost(TIMEOUT).until(() -> flinkDeployment("skipped") != null);
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('cdc_data_skipped', 'pgoutput')");
    await().atMost(TIMEOUT).until(() -> get("skipped").getStatus().source(),
        s -> s != null && Boolean.TRUE.equals(s.slotExists()));

    skipCleanup("skipped");
    client.resource(get("skipped")).delete();

    await().atMost(TIMEOUT).until(() -> get("skipped") == null);
    assertThat(pg.replicationSlots()).extracting(ReplicationSlot::name).contains("cdc_data_skipped");
    assertThat(events()).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo(Reasons.CLEANUP_SKIPPED);
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getMessage()).contains("SELECT pg_drop_replication_slot('cdc_data_skipped')");
    });
  }

  @Test
  void databaseThatDisappearsGivesAConditionNotACrashLoop() {
    pg.superuserSql().execute("DROP DATABASE IF EXISTS lc_vanishing WITH (FORCE)", "CREATE DATABASE lc_vanishing");
    Sql vanishing = new Sql(() -> DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pg.port() + "/lc_vanishing", PostgresServer.SUPERUSER, ""));
    table(vanishing, "lc_gone", "id int PRIMARY KEY");
    publication(vanishing, "cdc_data_vanishing", "lc_gone");
    createSecrets();
    create(pipeline("vanishing", "lc_vanishing", pg.port(), "public.lc_gone"));
    FlinkDeployment deployed = await().atMost(TIMEOUT).until(() -> flinkDeployment("vanishing"), fd -> fd != null);
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(condition("vanishing", ConditionTypes.SOURCE_READY).isTrue()).isTrue());

    pg.superuserSql().execute("DROP DATABASE lc_vanishing WITH (FORCE)");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition source = condition("vanishing", ConditionTypes.SOURCE_READY);
      assertThat(source.status()).isEqualTo("False");
      assertThat(source.reason()).isEqualTo(Reasons.DATABASE_NOT_FOUND);
      assertThat(source.message()).contains("lc_vanishing");
      assertThat(condition("vanishing", ConditionTypes.READY).reason()).isEqualTo(Reasons.DATABASE_NOT_FOUND);
      assertThat(condition("vanishing", ConditionTypes.SLOT_LAGGING).status()).isEqualTo("Unknown");
    });
    assertThat(get("vanishing").getStatus().phase()).as("the deployed job keeps its phase").isEqualTo(Phase.Deploying);
    assertThat(flinkDeployment("vanishing").getMetadata().getResourceVersion())
        .isEqualTo(deployed.getMetadata().getResourceVersion());
  }

  @Test
  void unreachableDatabaseLeavesTheRunningJobAloneAndDeletionWaitsUntilSkipped() throws IOException {
    table(pg.superuserSql(), "lc_moving", "id int PRIMARY KEY");
    publication(pg.superuserSql(), "cdc_data_moving", "lc_moving");
    createSecrets();
    create(pipeline("moving", PostgresServer.DATABASE, pg.port(), "public.lc_moving"));
    FlinkDeployment deployed = await().atMost(TIMEOUT).until(() -> flinkDeployment("moving"), fd -> fd != null);

    int closed = closedPort();
    edit("moving", p -> TestPipelines.with(TestPipelines.with(p, "spec.source.postgres.port", closed), "spec.job.parallelism", 2));

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition source = condition("moving", ConditionTypes.SOURCE_READY);
      assertThat(source.reason()).isEqualTo(Reasons.UNREACHABLE);
      assertThat(source.message()).contains("is unreachable", "retrying with backoff, a running job is left as it is");
      assertThat(get("moving").getStatus().observedGeneration()).isEqualTo(2L);
    });
    FlinkDeployment after = flinkDeployment("moving");
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(deployed.getMetadata().getResourceVersion());
    assertThat(after.getSpec().getJob().getParallelism()).isEqualTo(1);

    client.resource(get("moving")).delete();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      Condition cleanup = condition("moving", ConditionTypes.CLEANUP);
      assertThat(cleanup.reason()).isEqualTo(Reasons.UNREACHABLE);
      assertThat(cleanup.message()).contains("kubectl annotate cdcp moving " + SourceCleanup.SKIP_ANNOTATION + "=true");
    });
    assertThat(flinkDeployment("moving")).as("deleted first, so the job releases the slot").isNull();

    skipCleanup("moving");
    await().atMost(TIMEOUT).until(() -> get("moving") == null);
  }

  private static CdcPipeline pipeline(String name, String database, int port, String... tables) {
    CdcPipeline p = TestPipelines.minimal();
    p = TestPipelines.with(p, "metadata.name", name);
    p = TestPipelines.with(p, "spec.source.postgres.host", "localhost");
    p = TestPipelines.with(p, "spec.source.postgres.port", port);
    p = TestPipelines.with(p, "spec.source.postgres.database", database);
    p = TestPipelines.with(p, "spec.source.postgres.tables", List.of(tables));
    p.getMetadata().setUid(null);
    p.getMetadata().setGeneration(null);
    p.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of("test", "true")));
    p.setStatus(null);
    return p;
  }

  private static void edit(String name, String path, Object value) {
    edit(name, p -> TestPipelines.with(p, path, value));
  }

  /** Retried on conflict: the operator writes the status meanwhile. */
  private static void edit(String name, java.util.function.UnaryOperator<CdcPipeline> change) {
    await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() ->
        client.resources(CdcPipeline.class).inNamespace(NS).withName(name).edit(change));
  }

  private static void skipCleanup(String name) {
    edit(name, p -> {
      p.getMetadata().getAnnotations().put(SourceCleanup.SKIP_ANNOTATION, "true");
      return p;
    });
  }

  private static void create(CdcPipeline p) {
    client.resource(p).create();
  }

  private static void table(Sql sql, String name, String columns) {
    sql.execute("DROP TABLE IF EXISTS " + name + " CASCADE", "CREATE TABLE " + name + " (" + columns + ")",
        "GRANT SELECT ON " + name + " TO " + PostgresServer.CDC_USER);
  }

  /** Created by the tables' owner, as a DBA would: the CDC user owns nothing. */
  private static void publication(Sql sql, String name, String table) {
    sql.execute("DROP PUBLICATION IF EXISTS " + name, "CREATE PUBLICATION " + name + " FOR TABLE " + table);
  }

  private static void createSecrets() {
    client.resource(new SecretBuilder().withNewMetadata().withName("pg-cdc").withNamespace(NS).endMetadata()
        .withStringData(Map.of("username", PostgresServer.CDC_USER, "password", PostgresServer.CDC_PASSWORD)).build())
        .create();
    client.resource(new SecretBuilder().withNewMetadata().withName("starrocks-loader").withNamespace(NS).endMetadata()
        .withStringData(Map.of("username", "loader", "password", "unused")).build()).create();
  }

  private static CdcPipeline get(String name) {
    return client.resources(CdcPipeline.class).inNamespace(NS).withName(name).get();
  }

  private static Condition condition(String name, String type) {
    CdcPipeline p = get(name);
    assertThat(p).as(name).isNotNull();
    assertThat(p.getStatus()).as("status of " + name).isNotNull();
    return Conditions.find(p.getStatus().conditions(), type).orElseThrow(() -> new AssertionError("no " + type));
  }

  private static FlinkDeployment flinkDeployment(String name) {
    return client.resources(FlinkDeployment.class).inNamespace(NS).withName(name).get();
  }

  private static List<Event> events() {
    return client.v1().events().inNamespace(NS).list().getItems();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
