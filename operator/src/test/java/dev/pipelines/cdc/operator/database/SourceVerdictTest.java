package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.names.SourceTableNames;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.operator.status.Reasons;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per preflight reason, from facts alone. */
class SourceVerdictTest {
  private static final CatalogTable ORDERS = new CatalogTable("public", "orders", true, false, false, true, true);
  private static final CatalogTable ITEMS_1 = new CatalogTable("public", "order_items_1", true, false, false, true, true);
  private static final CatalogTable ITEMS_OLD = new CatalogTable("public", "order_items_old", false, false, false, true, true);
  private static final SourceSelection ORDERS_ONLY = selection(List.of("public.orders"), List.of());

  @Test
  void readySourcePasses() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS)), ORDERS_ONLY);

    assertThat(r.check().ok()).isTrue();
    assertThat(r.check().reason()).isEqualTo(Reasons.PREFLIGHT_PASSED);
    assertThat(r.check().message()).contains("1 table selected", "8 replication slots free",
        "publication cdc_data_orders will be created by the job");
    assertThat(r.replicaIdentityWarning()).isEmpty();
  }

  @Test
  void walLevelReplicaFails() {
    SourceReport r = evaluate(facts("replica", true, List.of(ORDERS)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.WAL_LEVEL_NOT_LOGICAL);
    assertThat(r.check().message()).contains("wal_level is 'replica'", "ALTER SYSTEM SET wal_level = logical");
    assertThat(r.check().transientFailure()).isFalse();
  }

  @Test
  void userWithoutReplicationFails() {
    SourceReport r = evaluate(facts("logical", false, List.of(ORDERS)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_REPLICATION_PRIVILEGE);
    assertThat(r.check().message()).contains("ALTER ROLE cdc REPLICATION");
  }

  @Test
  void superuserNeedsNoReplicationAttribute() {
    SourceFacts f = new SourceFacts("logical", false, true, 10, 2, true, List.of(ORDERS), Optional.empty(), Optional.empty(),
        Optional.empty());

    assertThat(evaluate(f, ORDERS_ONLY).check().ok()).isTrue();
  }

  @Test
  void patternMatchingNoTableFails() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS)),
        selection(List.of("public.orders", "public\\.invoice_.*"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
    assertThat(r.check().message()).contains("'public\\.invoice_.*'").doesNotContain("'public.orders'");
  }

  @Test
  void patternsMatchWholeNamesOnly() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS)), selection(List.of("orders"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
  }

  @Test
  void patternWhoseTablesAreAllExcludedFails() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS, ITEMS_OLD)),
        selection(List.of("public.orders", "public\\.order_items_.*"), List.of("public.order_items_old")));

    assertThat(r.check().reason()).isEqualTo(Reasons.TABLE_NOT_FOUND);
  }

  @Test
  void excludedKeylessTableIsFine() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS, ITEMS_1, ITEMS_OLD)),
        selection(List.of("public.orders", "public\\.order_items_.*"), List.of("public.order_items_old")));

    assertThat(r.check().ok()).isTrue();
    assertThat(r.check().message()).contains("2 tables selected");
  }

  @Test
  void selectedTableWithoutPrimaryKeyFails() {
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS, ITEMS_1, ITEMS_OLD)),
        selection(List.of("public\\.order.*"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_PRIMARY_KEY);
    assertThat(r.check().message()).startsWith("public.order_items_old has no primary key");
  }

  @Test
  void unreadableTableFails() {
    CatalogTable secret = new CatalogTable("public", "orders", true, false, false, false, true);

    SourceReport r = evaluate(facts("logical", true, List.of(secret)), ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.MISSING_SELECT_PRIVILEGE);
    assertThat(r.check().message()).contains("GRANT SELECT ON public.orders TO cdc");
  }

  @Test
  void noFreeSlotFailsUnlessThePipelinesSlotExists() {
    SourceFacts full = new SourceFacts("logical", true, false, 10, 9, true, List.of(ORDERS), Optional.empty(), Optional.empty(),
        Optional.empty());

    SourceReport r = evaluate(full, ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.NO_FREE_REPLICATION_SLOTS);
    assertThat(r.check().message()).contains("max_replication_slots is 10 and 9 are in use", "needs 2");

    SourceFacts fullWithOurSlot = new SourceFacts("logical", true, false, 10, 10, true, List.of(ORDERS),
        Optional.empty(), Optional.of(new SlotReading(false, "0/1", 10L, 5L)), Optional.empty());
    assertThat(evaluate(fullWithOurSlot, ORDERS_ONLY).check().ok()).isTrue();
  }

  @Test
  void toastableTableWithoutFullIdentityIsAWarningNotAFailure() {
    CatalogTable toasty = new CatalogTable("public", "orders", true, false, true, true, true);
    CatalogTable full = new CatalogTable("public", "order_items_1", true, true, true, true, true);

    SourceReport r = evaluate(facts("logical", true, List.of(toasty, full)),
        selection(List.of("public.orders", "public.order_items_1"), List.of()));

    assertThat(r.check().ok()).isTrue();
    assertThat(r.replicaIdentityWarning()).hasValueSatisfying(w -> assertThat(w)
        .startsWith("public.orders has TOAST-able columns")
        .contains("one lookup per such update", "REPLICA IDENTITY FULL")
        .doesNotContain("order_items_1"));
  }

  @Test
  void missingPublicationTheUserMayNotCreateFails() {
    CatalogTable foreign = new CatalogTable("public", "orders", true, false, false, true, false);
    SourceFacts f = new SourceFacts("logical", true, false, 10, 2, false, List.of(foreign), Optional.empty(),
        Optional.empty(), Optional.empty());

    SourceReport r = evaluate(f, ORDERS_ONLY);

    assertThat(r.check().reason()).isEqualTo(Reasons.PUBLICATION_NOT_CREATABLE);
    assertThat(r.check().message()).isEqualTo("publication cdc_data_orders does not exist and user 'cdc' may not"
        + " create it (lacks CREATE on the database and ownership of public.orders); as the tables' owner run"
        + " CREATE PUBLICATION cdc_data_orders FOR TABLE public.orders");
  }

  @Test
  void existingPublicationCoveringEveryTableIsUsedWhoeverOwnsIt() {
    CatalogTable foreign = new CatalogTable("public", "orders", true, false, false, true, false);
    SourceFacts f = new SourceFacts("logical", true, false, 10, 2, false, List.of(foreign),
        Optional.of(new PublicationFacts(false, false, java.util.Set.of("public.orders"))), Optional.empty(), Optional.empty());

    SourceReport r = evaluate(f, ORDERS_ONLY);

    assertThat(r.check().ok()).isTrue();
    assertThat(r.check().message()).endsWith("publication cdc_data_orders exists");
  }

  @Test
  void publicationLackingATableTheUserMayNotAddFails() {
    CatalogTable foreign = new CatalogTable("public", "orders", true, false, false, true, false);
    SourceFacts f = new SourceFacts("logical", true, false, 10, 2, true, List.of(foreign, ITEMS_1),
        Optional.of(new PublicationFacts(false, false, java.util.Set.of("public.order_items_1"))), Optional.empty(),
        Optional.empty());

    SourceReport r = evaluate(f, selection(List.of("public.orders", "public.order_items_1"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.PUBLICATION_INCOMPLETE);
    assertThat(r.check().message()).contains("does not publish public.orders",
        "ALTER PUBLICATION cdc_data_orders ADD TABLE public.orders");
  }

  @Test
  void tablesMeetingInOneStarRocksTableByDefaultFailWithTheJobsMessage() {
    CatalogTable salesOrders = new CatalogTable("sales", "orders", true, false, false, true, true);
    SourceReport r = evaluate(facts("logical", true, List.of(ORDERS, salesOrders)), selection(List.of(".*\\.orders"), List.of()));

    assertThat(r.check().ok()).isFalse();
    assertThat(r.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(r.check().message()).isEqualTo(TargetNames.plan(List.of(names("public.orders"), names("sales.orders")),
        List.of()).message());
    assertThat(r.check().message()).isEqualTo("tables [public.orders, sales.orders] would all write StarRocks table"
        + " orders; give each its own targetTable in spec.sink.starrocks.routes");
  }

  @Test
  void aRouteSeparatesThemAndPasses() {
    CatalogTable salesOrders = new CatalogTable("sales", "orders", true, false, false, true, true);
    SourceSelection routed = new SourceSelection(List.of(".*\\.orders"), List.of(), "cdc_data_orders", "cdc_data_orders",
        2, List.of(new TableRoute("sales.orders", "sales_orders")));

    assertThat(evaluate(facts("logical", true, List.of(ORDERS, salesOrders)), routed).check().ok()).isTrue();
  }

  @Test
  void aTableWhoseOwnNameStarRocksRefusesFailsNamingTheRoute() {
    CatalogTable quoted = new CatalogTable("public", "order-items", true, false, false, true, true);
    SourceReport r = evaluate(facts("logical", true, List.of(quoted)), selection(List.of("public\\..*"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(r.check().message()).startsWith("table public.order-items would be written to StarRocks table"
        + " 'order-items', whose name contains '-'").contains("targetTable: order_items");
  }

  @Test
  void aTableFlinkCdcCannotReadBackFailsSayingToRenameOrExcludeIt() {
    CatalogTable spaced = new CatalogTable("public", "Order Lines", true, false, false, true, true);
    SourceReport r = evaluate(facts("logical", true, List.of(spaced)), selection(List.of("public\\..*"), List.of()));

    assertThat(r.check().reason()).isEqualTo(Reasons.TARGET_TABLES_INVALID);
    assertThat(r.check().message()).startsWith("table public.Order Lines cannot be captured").contains("excludeTables");
  }

  private static SourceTableNames names(String qualified) {
    return new SourceTableNames(qualified, qualified.substring(qualified.indexOf('.') + 1), List.of());
  }

  private static SourceReport evaluate(SourceFacts facts, SourceSelection selection) {
    return SourceVerdict.evaluate(facts, selection, "cdc");
  }

  private static SourceFacts facts(String walLevel, boolean replication, List<CatalogTable> tables) {
    return new SourceFacts(walLevel, replication, false, 10, 2, true, tables, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  private static SourceSelection selection(List<String> tables, List<String> exclude) {
    return new SourceSelection(tables, exclude, "cdc_data_orders", "cdc_data_orders", 2);
  }
}
