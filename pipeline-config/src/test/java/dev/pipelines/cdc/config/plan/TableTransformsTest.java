package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableMerge;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transforms' rules, through the planner the operator's preflight and the job share. */
class TableTransformsTest {
  private static final CatalogTable CUSTOMERS = table("crm", "customers", "id");
  private static final CatalogTable ORDERS_2024 = table("shop", "orders_2024", "id", "region");
  private static final CatalogTable ORDERS_2025 = table("shop", "orders_2025", "id", "region");
  private static final Map<String, List<String>> COLUMNS = Map.of(
      "crm.customers", List.of("id", "Full Name", "email", "ssn", "ID"),
      "shop.orders_2024", List.of("id", "region", "amount", "ordered_at"),
      "shop.orders_2025", List.of("id", "region", "amount", "ordered_at"));

  @Test
  void excludeAndRenameDecideTheWrittenColumnsAndTheirNames() {
    ColumnTransform columns = new ColumnTransform(List.of(), List.of("ssn", "ID"),
        List.of(new ColumnRename("Full Name", "full_name")));

    SourcePlan plan = plan(new TableTransform(List.of("crm.customers"), columns));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.columns("crm.customers")).isEqualTo(columns);
    assertThat(plan.columns("shop.orders_2024")).isEqualTo(ColumnTransform.NONE);
    assertThat(TableTransforms.targetColumns(COLUMNS.get("crm.customers"), columns))
        .containsExactly("id", "full_name", "email");
    // A column added later: written under an exclude list, not under an include list.
    assertThat(columns.keeps("phone")).isTrue();
    assertThat(new ColumnTransform(List.of("id"), List.of(), List.of()).keeps("phone")).isFalse();
  }

  @Test
  void withoutTheTransformTheSameTableIsRefusedForItsColumnNamesWithTheRenameAsTheFix() {
    SourcePlan plan = plan();

    assertThat(plan.firstProblem()).contains(ProblemKind.TARGET_NAMES_INVALID);
    assertThat(plan.message()).contains("column 'Full Name' contains a space",
        "columns 'id' and 'ID' differ only in case",
        "spec.transforms: [{tables: [crm.customers], columns: {rename: [{from: 'Full Name', to: full_name}]}}]");
  }

  @Test
  void aRenameOntoAnotherWrittenColumnIsACollisionOfStarRocksNames() {
    SourcePlan plan = plan(new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of("id", "email",
        "Full Name"), List.of(), List.of(new ColumnRename("Full Name", "EMAIL")))));

    assertThat(plan.message()).contains("table crm.customers: columns 'EMAIL' and 'email' differ only in case");
  }

  @Test
  void unknownTablesAndColumnsAreNamedWithWhatExists() {
    SourcePlan plan = plan(
        new TableTransform(List.of("shop.orders_2023"), ColumnTransform.NONE),
        new TableTransform(List.of("shop\\.orders_.*"), new ColumnTransform(List.of(), List.of("amout"),
            List.of(new ColumnRename("Ordered_At", "order_time")))));

    assertThat(plan.firstProblem()).contains(ProblemKind.TRANSFORM_INVALID);
    assertThat(plan.message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).contains(
        "spec.transforms[0].tables: no captured table matches 'shop.orders_2023'",
        "spec.transforms[1]: table shop.orders_2024 has no column 'amout' (columns.exclude), 'Ordered_At'"
            + " (columns.rename); its columns are 'id', 'region', 'amount', 'ordered_at' (names are case-sensitive)",
        "spec.transforms[1]: table shop.orders_2025 has no column 'amout'");
  }

  @Test
  void aKeyColumnCannotBeLeftOut() {
    SourcePlan excluded = plan(new TableTransform(List.of("shop.orders_2024"),
        new ColumnTransform(List.of(), List.of("region"), List.of())));
    SourcePlan notIncluded = plan(new TableTransform(List.of("shop.orders_2024"),
        new ColumnTransform(List.of("id", "amount"), List.of(), List.of())));

    assertThat(excluded.message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).isEqualTo("spec.transforms[0]: column"
        + " 'region' of table shop.orders_2024 is part of its primary key (id, region), which the StarRocks primary-key"
        + " table is keyed by: take it out of columns.exclude");
    assertThat(notIncluded.message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).endsWith("add it to columns.include");
  }

  @Test
  void aTableTakesOneTransformAndARenameOfALeftOutColumnIsRefused() {
    SourcePlan plan = plan(
        new TableTransform(List.of("shop\\.orders_.*"), new ColumnTransform(List.of(), List.of("amount"),
            List.of(new ColumnRename("amount", "total")))),
        new TableTransform(List.of("shop.orders_2025"), ColumnTransform.NONE));

    assertThat(plan.message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).contains(
        "spec.transforms[0]: columns.rename names 'amount' of table shop.orders_2024, which the transform does not"
            + " write (excluded)",
        "table shop.orders_2025 is selected by spec.transforms[0] and spec.transforms[1]; a table takes one transform");
  }

  @Test
  void withoutColumnsOnlyTheTablesAreChecked() {
    SourcePlan plan = SourcePlanner.plan(catalog(), request(new TableTransform(List.of("shop.orders_2024"),
        new ColumnTransform(List.of(), List.of("no_such_column"), List.of())), new TableTransform(List.of("x.y"), null)),
        Map.of());

    assertThat(plan.message()).contains("spec.transforms[1].tables: no captured table matches 'x.y'")
        .doesNotContain("no_such_column");
  }

  @Test
  void aPublicationWhoseColumnListLacksAWrittenColumnIsRefusedAndOneThatLeavesOutOnlyExcludedOnesIsUsed() {
    // Someone else's publication: the job may not fix its column list, so it refuses.
    CatalogPublication listed = new CatalogPublication(false, false, Set.of("crm.customers"), PublishedChange.all(), true,
        Map.of("crm.customers", List.of("id", "Full Name", "email")));
    SourceCatalog catalog = new SourceCatalog("shop", List.of(CUSTOMERS), Optional.of(listed), new CatalogUser("cdc", false,
        false));
    ColumnRename fullName = new ColumnRename("Full Name", "full_name");
    PlanRequest writesSsn = new PlanRequest(List.of("crm.customers"), List.of(), "pub", List.of(), List.of(
        new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of(), List.of("ID"), List.of(fullName)))));
    PlanRequest leavesItOut = new PlanRequest(List.of("crm.customers"), List.of(), "pub", List.of(), List.of(
        new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of(), List.of("ssn", "ID"),
            List.of(fullName)))));

    SourcePlan refused = SourcePlanner.plan(catalog, writesSsn, COLUMNS);
    SourcePlan used = SourcePlanner.plan(catalog, leavesItOut, COLUMNS);

    assertThat(refused.firstProblem()).contains(ProblemKind.PUBLICATION_UNSUITABLE);
    assertThat(refused.message()).isEqualTo("publication pub publishes only columns [id, Full Name, email] of"
        + " crm.customers, not [ssn], which the pipeline writes; as its owner give it a column list that holds them"
        + " (ALTER PUBLICATION pub SET TABLE ..., listing every table) or leave them out with spec.transforms"
        + " columns.exclude");
    assertThat(used.problems()).isEmpty();
    assertThat(used.publication()).isEqualTo(PublicationAction.USE_AS_IS);
  }

  @Test
  void aFilterOnColumnsOutsideTheReplicaIdentityIsRefusedBeforePostgresWouldRefuseTheApplicationsUpdates() {
    CatalogTable full = new CatalogTable("shop", "orders_2025", TableKind.TABLE, List.of("id", "region"), true, false,
        true, true, List.of("id", "region", "amount", "ordered_at"));
    TableTransform onAmount = new TableTransform(List.of("shop.orders_2024"), ColumnTransform.NONE, "amount > 0");
    TableTransform onKey = new TableTransform(List.of("shop.orders_2025"), ColumnTransform.NONE, "amount > 0 AND region = 'eu'");
    SourceCatalog catalog = new SourceCatalog("shop", List.of(ORDERS_2024, full), Optional.empty(),
        new CatalogUser("cdc", true, true));

    SourcePlan plan = SourcePlanner.plan(catalog, new PlanRequest(List.of("shop\\.orders_.*"), List.of(), "pub",
        List.of(), List.of(onAmount, onKey)), COLUMNS);

    assertThat(plan.message()).isEqualTo("spec.transforms[0].filter on table shop.orders_2024 uses 'amount', outside its"
        + " replica identity (id, region): PostgreSQL would refuse every UPDATE and DELETE of the table once its"
        + " publication filters on it; as the table's owner run ALTER TABLE shop.orders_2024 REPLICA IDENTITY FULL (each"
        + " UPDATE and DELETE then logs the whole old row), or filter on replica identity columns only");
    assertThat(plan.filter("shop.orders_2025")).isEqualTo("amount > 0 AND region = 'eu'");
  }

  @Test
  void aFilterIsRefusedInPostgresWordsBeforePostgres15AndWithAPublicationTheJobMayNotChange() {
    TableTransform filter = new TableTransform(List.of("crm.customers"), ColumnTransform.NONE, "id > 10");
    PlanRequest request = new PlanRequest(List.of("crm.customers"), List.of(), "pub", List.of(), List.of(filter));
    SourceCatalog pg14 = new SourceCatalog("shop", List.of(CUSTOMERS), Optional.empty(), new CatalogUser("cdc", true, true),
        140011);
    SourceCatalog foreign = new SourceCatalog("shop", List.of(CUSTOMERS), Optional.of(new CatalogPublication(false, false,
        Set.of("crm.customers"), PublishedChange.all(), true)), new CatalogUser("cdc", false, false));

    assertThat(SourcePlanner.plan(pg14, request, COLUMNS).message()).startsWith("spec.transforms[0].filter needs"
        + " PostgreSQL 15 or later, whose publications filter rows (this server is 14)");
    assertThat(SourcePlanner.plan(catalog(), request, COLUMNS, Map.of("crm.customers", "ERROR: column \"idd\" does not"
        + " exist")).message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).isEqualTo("spec.transforms[0].filter on table crm.customers: PostgreSQL refuses it:"
        + " ERROR: column \"idd\" does not exist");
    assertThat(SourcePlanner.plan(foreign, request, COLUMNS).message(ProblemKind.TRANSFORM_INVALID).orElseThrow())
        .startsWith("a transform filters rows, and the job keeps the filter in publication pub at every start, but user"
            + " 'cdc' may not change it (needs ownership of the publication)");
    assertThat(SourcePlanner.plan(catalog(), new PlanRequest(List.of("crm.customers"), List.of(), "pub", List.of(),
        List.of(new TableTransform(List.of("crm.customers"), ColumnTransform.NONE, "id = 1; DROP TABLE x"))), COLUMNS)
        .message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).isEqualTo("spec.transforms[0].filter holds a ';'"
            + " (position 7): a filter is one expression, not statements");
    assertThat(TableTransforms.filters(List.of(new TableTransform(List.of("crm.customers"), ColumnTransform.NONE,
        "a;b")), List.of(CUSTOMERS))).as("never handed to PostgreSQL").isEmpty();
  }

  @Test
  void aRouteMergesShardsIntoOneTableOnlyWithASourceColumnThatIsNoWrittenColumnAndNeverBesideASinkRoute() {
    TableTransform withColumn = new TableTransform(List.of("shop\\.orders_.*"), ColumnTransform.NONE, "",
        new TableMerge("orders", "source_table"));
    TableTransform without = new TableTransform(List.of("shop\\.orders_.*"), ColumnTransform.NONE, "",
        new TableMerge("orders", ""));
    TableTransform clashing = new TableTransform(List.of("shop\\.orders_.*"), ColumnTransform.NONE, "",
        new TableMerge("orders", "REGION"));

    SourcePlan merged = plan(withColumn);
    // Only the customers table's own column names remain refused: the merge itself is fine.
    assertThat(merged.problems()).extracting(PlanProblem::kind).containsOnly(ProblemKind.TARGET_NAMES_INVALID);
    assertThat(merged.message()).doesNotContain("would all write").doesNotContain("orders_20");
    assertThat(merged.targetBySource()).containsEntry("shop.orders_2024", "orders").containsEntry("shop.orders_2025", "orders");
    assertThat(plan(without).message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).isEqualTo("spec.transforms[0].route"
        + " writes [shop.orders_2024, shop.orders_2025] into StarRocks table orders, where rows of different tables with"
        + " the same key (id, region) would overwrite each other: set route.sourceTableColumn, a column the job fills"
        + " with each row's source table and adds to the key");
    assertThat(plan(without).message()).contains("tables [shop.orders_2024, shop.orders_2025] would all write StarRocks"
        + " table orders");
    assertThat(plan(clashing).message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).contains("spec.transforms[0].route"
        + ".sourceTableColumn 'REGION' is also a column table shop.orders_2024 writes");
    SourcePlan both = SourcePlanner.plan(catalog(), new PlanRequest(List.of("crm.customers", "shop\\.orders_.*"),
        List.of(), "pub", List.of(new dev.pipelines.cdc.config.TableRoute("shop.orders_2024", "o24")), List.of(withColumn)),
        COLUMNS);
    assertThat(both.message(ProblemKind.TRANSFORM_INVALID).orElseThrow()).isEqualTo("table shop.orders_2024 has a route"
        + " in spec.sink.starrocks.routes and one in spec.transforms: keep one");
  }

  private static SourcePlan plan(TableTransform... transforms) {
    return SourcePlanner.plan(catalog(), request(transforms), COLUMNS);
  }

  private static PlanRequest request(TableTransform... transforms) {
    return new PlanRequest(List.of("crm.customers", "shop\\.orders_.*"), List.of(), "pub", List.of(), List.of(transforms));
  }

  private static SourceCatalog catalog() {
    return new SourceCatalog("shop", List.of(CUSTOMERS, ORDERS_2024, ORDERS_2025), Optional.empty(),
        new CatalogUser("cdc", true, true));
  }

  private static CatalogTable table(String schema, String name, String... key) {
    return new CatalogTable(schema, name, TableKind.TABLE, List.of(key), false, false, true, true);
  }
}
