package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.ReplicationSlot;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.replication.PGReplicationStream;

/**
 * Preflight and slot clean-up against a real PostgreSQL 17, connecting as the CDC user (LOGIN
 * REPLICATION, no superuser) the way the operator does. Each test uses its own tables and slots.
 */
@ExtendWith(PostgresExtension.class)
class JdbcPostgresIT {
  private final JdbcPostgres postgres = new JdbcPostgres();
  private final PostgresServer pg;

  JdbcPostgresIT(PostgresServer pg) {
    this.pg = pg;
  }

  @AfterEach
  void dropSlots() {
    pg.dropAllReplicationSlots();
  }

  @Test
  void readySourcePassesAndTheCdcUserCanReadItsSlotAndLag() {
    table("pf_ready", "id int PRIMARY KEY, v int");
    publication("pf_ready_slot", "pf_ready");
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('pf_ready_slot', 'pgoutput')");

    SourceReport first = postgres.inspect(cdcUser(), selection("public.pf_ready", "pf_ready_slot"));

    assertThat(first.check().ok()).as(first.check().message()).isTrue();
    assertThat(first.slotReadError()).isEmpty();
    assertThat(first.slot()).hasValueSatisfying(s -> {
      assertThat(s.active()).isFalse();
      assertThat(s.confirmedFlushLsn()).matches("[0-9A-F]+/[0-9A-F]+");
      assertThat(s.lagBytes()).isNotNull();
      assertThat(s.retainedWalBytes()).isNotNull();
    });

    pg.superuserSql().execute("INSERT INTO pf_ready SELECT g, g FROM generate_series(1, 2000) g");
    SourceReport later = postgres.inspect(cdcUser(), selection("public.pf_ready", "pf_ready_slot"));

    assertThat(later.slot().orElseThrow().lagBytes()).isGreaterThan(first.slot().orElseThrow().lagBytes() + 10_000);

    // The row estimate for status.snapshot: unknown until PostgreSQL has analyzed the table.
    assertThat(first.rowsEstimated()).isEqualTo(dev.pipelines.cdc.config.plan.RowEstimates.UNKNOWN);
    pg.superuserSql().execute("ANALYZE pf_ready");
    assertThat(postgres.inspect(cdcUser(), selection("public.pf_ready", "pf_ready_slot")).rowsEstimated())
        .isEqualTo(2000);
  }

  @Test
  void walLevelReplicaIsRefused() {
    try (PostgresServer replicaOnly = PostgresServer.start(Map.of("wal_level", "replica"))) {
      PostgresTarget target = new PostgresTarget("localhost", replicaOnly.port(), PostgresServer.DATABASE,
          PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD);

      SourceReport r = postgres.inspect(target, selection("public.anything", "pf_slot"));

      assertThat(r.check().reason()).isEqualTo(Reasons.WAL_LEVEL_NOT_LOGICAL);
      assertThat(r.check().message()).startsWith("wal_level is 'replica'");
    }
  }

  @Test
  void roleWithoutReplicationIsRefused() {
    table("pf_norepl", "id int PRIMARY KEY");
    pg.superuserSql().execute("DROP ROLE IF EXISTS pf_plain", "CREATE ROLE pf_plain LOGIN PASSWORD 'pw'");

    SourceReport r = postgres.inspect(new PostgresTarget("localhost", pg.port(), PostgresServer.DATABASE, "pf_plain", "pw"),
        selection("public.pf_norepl", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_REPLICATION_PRIVILEGE);
    assertThat(r.check().message()).contains("ALTER ROLE pf_plain REPLICATION");
  }

  @Test
  void patternMatchingNoTableIsTableNotFound() {
    table("pf_found", "id int PRIMARY KEY");

    SourceReport r = postgres.inspect(cdcUser(),
        new SourceSelection(List.of("public.pf_found", "public\\.pf_nothing_.*"), List.of(), "pf_slot", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
    assertThat(r.check().message()).contains("'public\\.pf_nothing_.*'");
  }

  @Test
  void tableWithoutPrimaryKeyIsRefused() {
    table("pf_keyless", "id int, v text");

    SourceReport r = postgres.inspect(cdcUser(), selection("public.pf_keyless", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_PRIMARY_KEY);
    assertThat(r.check().message()).startsWith("table public.pf_keyless has no primary key");
  }

  @Test
  void tablesMeetingInOneStarRocksTableAndNamesStarRocksRefusesAreRefusedFromTheRealCatalog() {
    pg.superuserSql().execute("CREATE SCHEMA IF NOT EXISTS pf_a", "CREATE SCHEMA IF NOT EXISTS pf_b",
        "GRANT USAGE ON SCHEMA pf_a, pf_b TO " + PostgresServer.CDC_USER);
    table("pf_a.orders", "id int PRIMARY KEY");
    table("pf_b.orders", "id int PRIMARY KEY");
    table("public.\"Pf-Order-Items\"", "id int PRIMARY KEY");

    SourceReport twice = postgres.inspect(cdcUser(), selection("pf_[ab]\\.orders", "pf_slot"));
    SourceReport quoted = postgres.inspect(cdcUser(), selection("public\\.Pf-Order-Items", "pf_slot"));

    assertThat(twice.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(twice.check().message()).isEqualTo("tables [pf_a.orders, pf_b.orders] would all write StarRocks"
        + " table orders; give each its own targetTable in spec.sink.starrocks.routes");
    assertThat(quoted.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(quoted.check().message()).startsWith("table public.Pf-Order-Items would be written to StarRocks table"
        + " 'Pf-Order-Items', whose name contains '-'").endsWith("targetTable: pf_order_items}]");
  }

  @Test
  void transformsAreCheckedAgainstTheRealColumnsAndAColumnStarRocksRefusesIsFoundBeforeTheJobStarts() {
    table("public.pf_customers", "id int PRIMARY KEY, \"Full Name\" text, ssn text");
    List<TableTransform> bad = List.of(new TableTransform(List.of("public.pf_customers"),
        new ColumnTransform(List.of(), List.of("SSN"), List.of())));
    List<TableTransform> good = List.of(new TableTransform(List.of("public.pf_customers"),
        new ColumnTransform(List.of(), List.of("ssn"), List.of(new ColumnRename("Full Name", "full_name")))));

    SourceReport unknown = postgres.inspect(cdcUser(), withTransforms("public.pf_customers", bad));
    SourceReport none = postgres.inspect(cdcUser(), withTransforms("public.pf_customers", List.of()));
    SourceReport fixed = postgres.inspect(cdcUser(), withTransforms("public.pf_customers", good));

    assertThat(unknown.check().reason()).isEqualTo(Reasons.TRANSFORM_INVALID);
    assertThat(unknown.check().message()).isEqualTo("spec.transforms[0]: table public.pf_customers has no column 'SSN'"
        + " (columns.exclude); its columns are 'id', 'Full Name', 'ssn' (names are case-sensitive)");
    assertThat(none.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(none.check().message()).startsWith("table public.pf_customers: column 'Full Name' contains a space");
    // Past the table checks: the next one is the publication's (the table is the superuser's, not the CDC user's).
    assertThat(fixed.check().reason()).isEqualTo(Reasons.PUBLICATION_NOT_CREATABLE);
  }

  @Test
  void aRowFilterIsCheckedByPostgresAndAgainstTheReplicaIdentityAndAnInjectionNeverReachesSql() {
    table("public.pf_orders", "id int PRIMARY KEY, status text");
    pg.superuserSql().execute("INSERT INTO public.pf_orders VALUES (1, 'new')");

    SourceReport unknownColumn = postgres.inspect(cdcUser(), withTransforms("public.pf_orders", List.of(
        new TableTransform(List.of("public.pf_orders"), ColumnTransform.NONE, "stauts = 'new'"))));
    SourceReport outsideIdentity = postgres.inspect(cdcUser(), withTransforms("public.pf_orders", List.of(
        new TableTransform(List.of("public.pf_orders"), ColumnTransform.NONE, "status = 'new'"))));
    SourceReport injection = postgres.inspect(cdcUser(), withTransforms("public.pf_orders", List.of(
        new TableTransform(List.of("public.pf_orders"), ColumnTransform.NONE, "true); DELETE FROM public.pf_orders; --"))));
    SourceReport onTheKey = postgres.inspect(cdcUser(), withTransforms("public.pf_orders", List.of(
        new TableTransform(List.of("public.pf_orders"), ColumnTransform.NONE, "id > 0"))));

    assertThat(unknownColumn.check().reason()).isEqualTo(Reasons.TRANSFORM_INVALID);
    assertThat(unknownColumn.check().message()).isEqualTo("spec.transforms[0].filter on table public.pf_orders:"
        + " PostgreSQL refuses it: ERROR: column \"stauts\" does not exist\n  Hint: Perhaps you meant to reference the"
        + " column \"pf_orders.status\".");
    assertThat(outsideIdentity.check().message()).contains("uses 'status', outside its replica identity (id)");
    assertThat(injection.check().message()).startsWith("spec.transforms[0].filter closes a parenthesis it did not open");
    assertThat(onTheKey.check().reason()).isNotEqualTo(Reasons.TRANSFORM_INVALID);
    assertThat(pg.superuserSql().scalar("SELECT count(*) FROM public.pf_orders").toString()).isEqualTo("1");
  }

  @Test
  void tableTheUserMayNotReadIsRefused() {
    pg.superuserSql().execute("DROP TABLE IF EXISTS pf_private", "CREATE TABLE pf_private (id int PRIMARY KEY)");

    SourceReport r = postgres.inspect(cdcUser(), selection("public.pf_private", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_SELECT_PRIVILEGE);
  }

  @Test
  void wrongPasswordIsAuthenticationFailed() {
    pg.createPasswordCheckedRole("pf_pw", "right");

    SourceReport wrong = postgres.inspect(new PostgresTarget("localhost", pg.port(), PostgresServer.DATABASE, "pf_pw", "wrong"),
        selection("public.anything", "pf_slot"));
    SourceReport noSuchUser = postgres.inspect(
        new PostgresTarget("localhost", pg.port(), PostgresServer.DATABASE, "pf_nobody", "x"), selection("public.anything", "pf_slot"));

    assertThat(wrong.check().reason()).isEqualTo(Reasons.AUTHENTICATION_FAILED);
    assertThat(wrong.check().message()).contains("pf_pw").doesNotContain("wrong");
    assertThat(wrong.check().transientFailure()).isFalse();
    assertThat(wrong.inspected()).isFalse();
    assertThat(noSuchUser.check().reason()).isEqualTo(Reasons.AUTHENTICATION_FAILED);
  }

  @Test
  void closedPortIsUnreachableAndRetried() throws IOException {
    SourceReport r = postgres.inspect(new PostgresTarget("localhost", closedPort(), "postgres", "u", "p"),
        selection("public.anything", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.UNREACHABLE);
    assertThat(r.check().transientFailure()).isTrue();
  }

  @Test
  void missingDatabaseIsReported() {
    SourceReport r = postgres.inspect(new PostgresTarget("localhost", pg.port(), "pf_no_such_db",
        PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD), selection("public.anything", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.DATABASE_NOT_FOUND);
  }

  @Test
  void fullSlotTableIsNoFreeReplicationSlots() {
    table("pf_slots", "id int PRIMARY KEY");
    int used = ((Number) pg.superuserSql().scalar("SELECT count(*) FROM pg_replication_slots")).intValue();
    for (int i = used; i < PostgresServer.MAX_REPLICATION_SLOTS; i++) {
      pg.superuserSql().execute("SELECT pg_create_physical_replication_slot('pf_fill_" + i + "')");
    }

    SourceReport r = postgres.inspect(cdcUser(), selection("public.pf_slots", "pf_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.NO_FREE_REPLICATION_SLOTS);
    assertThat(r.check().message()).contains("max_replication_slots is 10 and 10 are in use");
  }

  @Test
  void toastableTableWithDefaultReplicaIdentityIsAWarning() {
    table("pf_toast", "id int PRIMARY KEY, body text, doc jsonb");
    table("pf_narrow", "id int PRIMARY KEY, n int, t timestamptz");
    publication("pf_slot", "pf_toast", "pf_narrow");

    SourceReport r = postgres.inspect(cdcUser(),
        new SourceSelection(List.of("public.pf_toast", "public.pf_narrow"), List.of(), "pf_slot", "pf_slot"));

    assertThat(r.check().ok()).isTrue();
    assertThat(r.replicaIdentityWarning()).hasValueSatisfying(w ->
        assertThat(w).startsWith("public.pf_toast has TOAST-able columns").doesNotContain("pf_narrow"));

    pg.superuserSql().execute("ALTER TABLE pf_toast REPLICA IDENTITY FULL");
    assertThat(postgres.inspect(cdcUser(), selection("public.pf_toast", "pf_slot")).replicaIdentityWarning()).isEmpty();
  }

  @Test
  void publicationTheCdcUserCannotCreateIsRefusedUntilItExistsOrTheUserMayCreateIt() {
    table("pf_pub", "id int PRIMARY KEY");
    pg.superuserSql().execute("DROP PUBLICATION IF EXISTS pf_pub_slot");

    SourceReport r = postgres.inspect(cdcUser(), selection("public.pf_pub", "pf_pub_slot"));

    assertThat(r.check().reason()).isEqualTo(Reasons.PUBLICATION_NOT_CREATABLE);
    assertThat(r.check().message()).contains("lacks CREATE on the database and ownership of public.pf_pub",
        "CREATE PUBLICATION pf_pub_slot FOR TABLE public.pf_pub");

    // Either a DBA creates it...
    publication("pf_pub_slot", "pf_pub");
    assertThat(postgres.inspect(cdcUser(), selection("public.pf_pub", "pf_pub_slot")).check().message())
        .endsWith("publication pf_pub_slot exists");

    // ...or the CDC user may create it (the job then does).
    pg.superuserSql().execute("DROP PUBLICATION pf_pub_slot", "ALTER TABLE pf_pub OWNER TO " + PostgresServer.CDC_USER,
        "GRANT CREATE ON DATABASE " + PostgresServer.DATABASE + " TO " + PostgresServer.CDC_USER);
    try {
      assertThat(postgres.inspect(cdcUser(), selection("public.pf_pub", "pf_pub_slot")).check().message())
          .endsWith("publication pf_pub_slot will be created by the job");
    } finally {
      pg.superuserSql().execute("REVOKE CREATE ON DATABASE " + PostgresServer.DATABASE + " FROM " + PostgresServer.CDC_USER,
          "DROP TABLE pf_pub");
    }
  }

  /**
   * The catalog query the job runs too (CatalogQuery), against a real catalog: a partitioned table
   * is one table (its parent; partitions are not listed), its key columns come in key order, and
   * ownership through a role the user is a member of counts, for tables and the publication alike
   * (the job used to compare the publication's owner with current_user only).
   */
  @Test
  void theSharedCatalogQueryReadsParentsKeysInOrderAndOwnershipThroughRoles() throws Exception {
    pg.superuserSql().execute(
        "DROP PUBLICATION IF EXISTS pf_roles_pub", "DROP TABLE IF EXISTS pf_parted, pf_owned_by_role",
        "DROP ROLE IF EXISTS pf_owners", "CREATE ROLE pf_owners NOLOGIN", "GRANT pf_owners TO " + PostgresServer.CDC_USER,
        "CREATE TABLE pf_parted (day date, id int, v text, PRIMARY KEY (id, day)) PARTITION BY RANGE (day)",
        "CREATE TABLE pf_parted_2026 PARTITION OF pf_parted FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        "CREATE TABLE pf_owned_by_role (id int PRIMARY KEY)", "ALTER TABLE pf_owned_by_role OWNER TO pf_owners",
        "CREATE PUBLICATION pf_roles_pub FOR TABLE pf_owned_by_role", "ALTER PUBLICATION pf_roles_pub OWNER TO pf_owners");
    try (Connection c = pg.cdcConnection()) {
      dev.pipelines.cdc.config.plan.SourceCatalog catalog = dev.pipelines.cdc.config.plan.CatalogQuery.read(c, "pf_roles_pub");

      assertThat(catalog.user()).isEqualTo(new dev.pipelines.cdc.config.plan.CatalogUser(PostgresServer.CDC_USER, false,
          false));
      assertThat(catalog.database()).isEqualTo(PostgresServer.DATABASE);
      assertThat(catalog.tables()).extracting(dev.pipelines.cdc.config.plan.CatalogTable::qualifiedName)
          .contains("public.pf_parted", "public.pf_owned_by_role").doesNotContain("public.pf_parted_2026");
      assertThat(catalog.tables()).filteredOn(t -> t.name().equals("pf_parted")).singleElement().satisfies(t -> {
        assertThat(t.kind()).isEqualTo(dev.pipelines.cdc.config.plan.TableKind.PARTITIONED_TABLE);
        assertThat(t.primaryKey()).containsExactly("id", "day");
        assertThat(t.toastable()).isTrue();
        assertThat(t.selectable()).isFalse();
        assertThat(t.owned()).isFalse();
      });
      assertThat(catalog.tables()).filteredOn(t -> t.name().equals("pf_owned_by_role")).singleElement()
          .satisfies(t -> assertThat(t.owned()).isTrue());
      assertThat(catalog.publication()).hasValue(
          new dev.pipelines.cdc.config.plan.CatalogPublication(true, false, java.util.Set.of("public.pf_owned_by_role"),
              dev.pipelines.cdc.config.plan.PublishedChange.all(), false,
              java.util.Map.of("public.pf_owned_by_role", List.of("id"))));
    } finally {
      pg.superuserSql().execute("DROP PUBLICATION pf_roles_pub", "DROP TABLE pf_parted, pf_owned_by_role",
          "DROP ROLE pf_owners");
    }
  }

  @Test
  void dropRemovesOurSlotAndPublicationAndLeavesOthersAlone() {
    table("pf_drop", "id int PRIMARY KEY");
    pg.superuserSql().execute(
        "SELECT pg_create_logical_replication_slot('pf_drop_slot', 'pgoutput')",
        "SELECT pg_create_logical_replication_slot('pf_other_slot', 'pgoutput')",
        "DROP PUBLICATION IF EXISTS pf_drop_slot",
        "CREATE PUBLICATION pf_drop_slot FOR TABLE pf_drop",
        // As the job would have: created by the pipeline's user, so it owns it.
        "ALTER PUBLICATION pf_drop_slot OWNER TO " + PostgresServer.CDC_USER);

    CleanupOutcome outcome = postgres.drop(cdcUser(), "pf_drop_slot", "pf_drop_slot");

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.warning()).isEmpty();
    assertThat(outcome.message()).isEqualTo("dropped replication slot pf_drop_slot and publication pf_drop_slot");
    assertThat(pg.replicationSlots()).extracting(ReplicationSlot::name).containsExactly("pf_other_slot");
    assertThat(pg.publications()).noneMatch(p -> p.name().equals("pf_drop_slot"));

    assertThat(postgres.drop(cdcUser(), "pf_drop_slot", "pf_drop_slot").message())
        .as("a second run finds nothing and finishes")
        .isEqualTo("replication slot pf_drop_slot did not exist; publication pf_drop_slot did not exist");
  }

  @Test
  void publicationOwnedBySomeoneElseIsLeftWithAWarning() {
    table("pf_foreign", "id int PRIMARY KEY");
    pg.superuserSql().execute(
        "SELECT pg_create_logical_replication_slot('pf_foreign_slot', 'pgoutput')",
        "DROP PUBLICATION IF EXISTS pf_foreign_slot",
        "CREATE PUBLICATION pf_foreign_slot FOR TABLE pf_foreign");

    CleanupOutcome outcome = postgres.drop(cdcUser(), "pf_foreign_slot", "pf_foreign_slot");

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.warning()).hasValueSatisfying(w ->
        assertThat(w).contains("must be owner of publication pf_foreign_slot", "DROP PUBLICATION pf_foreign_slot"));
    assertThat(pg.replicationSlots()).noneMatch(s -> s.name().equals("pf_foreign_slot"));
    assertThat(pg.publications()).anyMatch(p -> p.name().equals("pf_foreign_slot"));
    pg.superuserSql().execute("DROP PUBLICATION pf_foreign_slot");
  }

  @Test
  void activeSlotIsNotDroppedButRetried() throws Exception {
    table("pf_active", "id int PRIMARY KEY");
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('pf_active_slot', 'pgoutput')",
        "DROP PUBLICATION IF EXISTS pf_active_pub", "CREATE PUBLICATION pf_active_pub FOR TABLE pf_active");
    try (Connection replication = replicationConnection();
        PGReplicationStream stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
            .logical().withSlotName("pf_active_slot")
            .withSlotOption("proto_version", 1).withSlotOption("publication_names", "pf_active_pub")
            .start()) {
      stream.readPending();

      CleanupOutcome outcome = postgres.drop(cdcUser(), "pf_active_slot", "pf_active_pub");

      assertThat(outcome.finished()).isFalse();
      assertThat(outcome.reason()).isEqualTo(Reasons.SLOT_ACTIVE);
      assertThat(pg.replicationSlots()).anyMatch(s -> s.name().equals("pf_active_slot"));
    }
    // The consumer is gone (its walsender exits a moment later): now it goes.
    pg.superuserSql().execute("ALTER PUBLICATION pf_active_pub OWNER TO " + PostgresServer.CDC_USER);
    await().atMost(Duration.ofSeconds(10)).until(() -> postgres.drop(cdcUser(), "pf_active_slot", "pf_active_pub").finished());
    assertThat(pg.replicationSlots()).noneMatch(s -> s.name().equals("pf_active_slot"));
  }

  @Test
  void unreachableDatabaseIsRetriedOnDrop() throws IOException {
    CleanupOutcome outcome = postgres.drop(new PostgresTarget("localhost", closedPort(), "postgres", "u", "p"), "s", "p");

    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.reason()).isEqualTo(Reasons.UNREACHABLE);
  }

  private void table(String name, String columns) {
    pg.superuserSql().execute("DROP TABLE IF EXISTS " + name + " CASCADE", "CREATE TABLE " + name + " (" + columns + ")");
    pg.grantCaptureOn(name);
  }

  private PostgresTarget cdcUser() {
    return new PostgresTarget("localhost", pg.port(), PostgresServer.DATABASE, PostgresServer.CDC_USER,
        PostgresServer.CDC_PASSWORD);
  }

  private static SourceSelection withTransforms(String table, List<TableTransform> transforms) {
    return new SourceSelection(List.of(table), List.of(), "pf_slot", "pf_slot", List.of(), transforms);
  }

  private static SourceSelection selection(String table, String slot) {
    return new SourceSelection(List.of(table), List.of(), slot, slot);
  }

  /** As a DBA would: the tables' owner creates the publication, so the CDC user needs to own nothing. */
  private void publication(String name, String... tables) {
    pg.superuserSql().execute("DROP PUBLICATION IF EXISTS " + name,
        "CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", tables));
  }

  private Connection replicationConnection() throws Exception {
    Properties props = new Properties();
    props.setProperty("user", PostgresServer.SUPERUSER);
    props.setProperty("password", "");
    props.setProperty("replication", "database");
    props.setProperty("preferQueryMode", "simple");
    props.setProperty("assumeMinServerVersion", "10");
    return DriverManager.getConnection(pg.jdbcUrl(), props);
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
