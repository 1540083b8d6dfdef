package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.CatalogUser;
import dev.pipelines.cdc.config.plan.ProblemKind;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.TableKind;
import dev.pipelines.cdc.operator.status.Reasons;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's part of preflight, from facts alone: its own checks (wal_level, replication, slots),
 * the reason each kind of plan problem becomes, and which failing check comes first. The planning
 * rules themselves are tested once, in pipeline-config (PlanningRulesTest).
 */
class SourceVerdictTest {
  private static final CatalogTable ORDERS = table("orders", List.of("id"), true, true);
  private static final CatalogUser CDC = new CatalogUser("cdc", false, true);
  private static final SourceSelection ORDERS_ONLY = selection("public.orders");

  @Test
  void readySourcePasses() {
    SourceReport r = evaluate(facts("logical", true, catalog(CDC, Optional.empty(), ORDERS)), ORDERS_ONLY);

    assertThat(r.check().ok()).isTrue();
    assertThat(r.check().reason()).isEqualTo(Reasons.PREFLIGHT_PASSED);
    assertThat(r.check().message()).contains("user 'cdc' may replicate", "1 table selected", "8 replication slots free",
        "publication cdc_data_orders will be created by the job");
    assertThat(r.replicaIdentityWarning()).isEmpty();
  }

  @Test
  void walLevelReplicaFails() {
    SourceReport r = evaluate(facts("replica", true, catalog(CDC, Optional.empty(), ORDERS)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.WAL_LEVEL_NOT_LOGICAL);
    assertThat(r.check().message()).contains("wal_level is 'replica'", "ALTER SYSTEM SET wal_level = logical");
    assertThat(r.check().transientFailure()).isFalse();
  }

  @Test
  void userWithoutReplicationFails() {
    SourceReport r = evaluate(facts("logical", false, catalog(CDC, Optional.empty(), ORDERS)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_REPLICATION_PRIVILEGE);
    assertThat(r.check().message()).contains("ALTER ROLE cdc REPLICATION");
  }

  @Test
  void superuserNeedsNoReplicationAttribute() {
    SourceFacts f = facts("logical", false, catalog(new CatalogUser("cdc", true, true), Optional.empty(), ORDERS));

    assertThat(evaluate(f, ORDERS_ONLY).check().ok()).isTrue();
  }

  /** Each kind of plan problem, alone, and the reason it becomes. */
  static Stream<Arguments> problems() {
    CatalogTable foreign = table("orders", List.of("id"), true, false);
    return Stream.of(
        Arguments.of(ProblemKind.TABLE_NOT_FOUND, catalog(CDC, Optional.empty(), ORDERS), selection("public.orders", "public.nope"),
            Reasons.TABLE_NOT_FOUND),
        Arguments.of(ProblemKind.TRANSFORM_INVALID, catalog(CDC, Optional.empty(), ORDERS),
            new SourceSelection(List.of("public.orders"), List.of(), "slot", "pub", List.of(), List.of(
                new dev.pipelines.cdc.config.transform.TableTransform(List.of("public.order_lines"), null))),
            Reasons.TRANSFORM_INVALID),
        Arguments.of(ProblemKind.NOT_SELECTABLE, catalog(CDC, Optional.empty(), table("orders", List.of("id"), false, true)),
            ORDERS_ONLY, Reasons.MISSING_SELECT_PRIVILEGE),
        Arguments.of(ProblemKind.NO_PRIMARY_KEY, catalog(CDC, Optional.empty(), table("orders", List.of(), true, true)),
            ORDERS_ONLY, Reasons.MISSING_PRIMARY_KEY),
        Arguments.of(ProblemKind.TARGET_NAMES_INVALID, catalog(CDC, Optional.empty(), table("order-items", List.of("id"), true, true)),
            selection("public\\..*"), Reasons.TARGET_TABLES_INVALID),
        Arguments.of(ProblemKind.PUBLICATION_NOT_CREATABLE, catalog(new CatalogUser("cdc", false, false), Optional.empty(), foreign),
            ORDERS_ONLY, Reasons.PUBLICATION_NOT_CREATABLE),
        Arguments.of(ProblemKind.PUBLICATION_INCOMPLETE,
            catalog(CDC, Optional.of(new CatalogPublication(false, false, Set.of(),
                dev.pipelines.cdc.config.plan.PublishedChange.all(), true)), foreign), ORDERS_ONLY,
            Reasons.PUBLICATION_INCOMPLETE),
        Arguments.of(ProblemKind.PUBLICATION_UNSUITABLE,
            catalog(CDC, Optional.of(new CatalogPublication(false, false, Set.of("public.orders"),
                Set.of(dev.pipelines.cdc.config.plan.PublishedChange.INSERT), true)), ORDERS), ORDERS_ONLY,
            DatabaseReasons.PUBLICATION_UNSUITABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void eachPlanProblemBecomesItsReasonWithThePlansMessage(ProblemKind kind, SourceCatalog catalog, SourceSelection selection,
      String reason) {
    SourceReport r = evaluate(facts("logical", true, catalog), selection);

    assertThat(r.check().ok()).isFalse();
    assertThat(r.check().reason()).isEqualTo(reason).isEqualTo(SourceVerdict.reason(kind));
    assertThat(r.check().message()).isEqualTo(dev.pipelines.cdc.config.plan.SourcePlanner
        .plan(catalog, selection.planRequest(), java.util.Map.of()).message(kind).orElseThrow());
    assertThat(r.check().transientFailure()).isFalse();
  }

  @Test
  void tableProblemsComeBeforeSlotsAndSlotsBeforeThePublication() {
    CatalogTable foreign = table("orders", List.of("id"), true, false);
    SourceCatalog noPublicationPossible = catalog(new CatalogUser("cdc", false, false), Optional.empty(), foreign);

    assertThat(evaluate(fullSlots(noPublicationPossible), selection("public.orders", "public.nope")).check().reason())
        .isEqualTo(Reasons.TABLE_NOT_FOUND);
    assertThat(evaluate(fullSlots(noPublicationPossible), ORDERS_ONLY).check().reason())
        .isEqualTo(Reasons.NO_FREE_REPLICATION_SLOTS);
  }

  @Test
  void noFreeSlotFailsUnlessThePipelinesSlotExists() {
    SourceReport r = evaluate(fullSlots(catalog(CDC, Optional.empty(), ORDERS)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.NO_FREE_REPLICATION_SLOTS);
    assertThat(r.check().message()).contains("max_replication_slots is 10 and 10 are in use", "needs one, its slot cdc_data_orders");

    SourceFacts fullWithOurSlot = new SourceFacts("logical", true, 10, 10, catalog(CDC, Optional.empty(), ORDERS),
        Optional.of(new SlotReading(false, "0/1", 10L, 5L)), Optional.empty());
    assertThat(evaluate(fullWithOurSlot, ORDERS_ONLY).check().ok()).isTrue();
  }

  @Test
  void toastableTableWithoutFullIdentityIsAWarningNotAFailure() {
    CatalogTable toasty = new CatalogTable("public", "orders", TableKind.TABLE, List.of("id"), false, true, true, true);
    CatalogTable full = new CatalogTable("public", "order_items_1", TableKind.TABLE, List.of("id"), true, true, true, true);

    SourceReport r = evaluate(facts("logical", true, catalog(CDC, Optional.empty(), full, toasty)),
        selection("public.orders", "public.order_items_1"));

    assertThat(r.check().ok()).isTrue();
    assertThat(r.replicaIdentityWarning()).hasValueSatisfying(w -> assertThat(w)
        .startsWith("public.orders has TOAST-able columns")
        .contains("one lookup per such update", "REPLICA IDENTITY FULL")
        .doesNotContain("order_items_1"));
  }

  @Test
  void theRowEstimateIsOfTheSelectedTablesOnly() {
    CatalogTable other = new CatalogTable("public", "order_items_1", TableKind.TABLE, List.of("id"), false, false, true,
        true);
    SourceCatalog twoTables = catalog(CDC, Optional.empty(), ORDERS, other);
    SourceFacts f = new SourceFacts("logical", true, 10, 2, twoTables, Optional.empty(), Optional.empty(),
        new dev.pipelines.cdc.config.plan.RowEstimates(java.util.Map.of("public.orders", 1200L,
            "public.order_items_1", 5L)));

    assertThat(evaluate(f, ORDERS_ONLY).rowsEstimated()).isEqualTo(1200);
    assertThat(evaluate(f, selection("public\\..*")).rowsEstimated()).isEqualTo(1205);
    assertThat(evaluate(facts("logical", true, twoTables), ORDERS_ONLY).rowsEstimated())
        .as("not read: unknown").isEqualTo(dev.pipelines.cdc.config.plan.RowEstimates.UNKNOWN);
  }

  @Test
  void anExistingCompletePublicationIsSaidToExist() {
    CatalogTable foreign = table("orders", List.of("id"), true, false);
    SourceFacts f = facts("logical", true, catalog(new CatalogUser("cdc", false, false),
        Optional.of(new CatalogPublication(false, false, Set.of("public.orders"),
            dev.pipelines.cdc.config.plan.PublishedChange.all(), true)), foreign));

    SourceReport r = evaluate(f, ORDERS_ONLY);

    assertThat(r.check().ok()).isTrue();
    assertThat(r.check().message()).endsWith("publication cdc_data_orders exists");
  }

  private static SourceReport evaluate(SourceFacts facts, SourceSelection selection) {
    return SourceVerdict.evaluate(facts, selection);
  }

  private static SourceFacts facts(String walLevel, boolean replication, SourceCatalog catalog) {
    return new SourceFacts(walLevel, replication, 10, 2, catalog, Optional.empty(), Optional.empty());
  }

  private static SourceFacts fullSlots(SourceCatalog catalog) {
    return new SourceFacts("logical", true, 10, 10, catalog, Optional.empty(), Optional.empty());
  }

  private static SourceCatalog catalog(CatalogUser user, Optional<CatalogPublication> publication, CatalogTable... tables) {
    return new SourceCatalog("shop", List.of(tables), publication, user);
  }

  private static CatalogTable table(String name, List<String> key, boolean selectable, boolean owned) {
    return new CatalogTable("public", name, TableKind.TABLE, key, false, false, selectable, owned);
  }

  private static SourceSelection selection(String... tables) {
    return new SourceSelection(List.of(tables), List.of(), "cdc_data_orders", "cdc_data_orders");
  }
}
