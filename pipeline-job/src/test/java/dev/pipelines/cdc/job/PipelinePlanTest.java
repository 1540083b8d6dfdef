package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.CatalogUser;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.TableKind;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The job's part of planning: the shared rules' verdict (PlanningRulesTest in pipeline-config covers
 * the rules themselves) carried into targets, shapes and the publication mode, with what only the
 * job knows (columns and their types, the sink database) added to the same refusal.
 */
class PipelinePlanTest {
  static final CatalogTable ORDERS = catalogTable("public", "orders", List.of("id"));
  static final CatalogTable SALES_ORDERS = catalogTable("sales", "orders", List.of("id"));
  static final CatalogTable EVENTS = catalogTable("public", "events", List.of());

  @Test
  void plansTargetsShapesAndUsesAnExistingCompletePublicationUntouched() {
    SourceCatalog catalog = catalog(Optional.of(new CatalogPublication(false, false, Set.of("public.orders"),
        dev.pipelines.cdc.config.plan.PublishedChange.all(), true)), ORDERS);
    PipelinePlan plan = PipelinePlan.of(config(List.of("public\\..*"), List.of()), catalog, List.of(withId(ORDERS)));

    assertThat(plan.targetNameBySource()).isEqualTo(Map.of("public.orders", "orders"));
    assertThat(plan.shapes().get("public.orders").keyColumns()).containsExactly("id");
    assertThat(plan.publicationMode()).isEqualTo(PublicationMode.DISABLED);
  }

  @Test
  void aPublicationTheJobCreatesOrExtendsIsFiltered() {
    PipelinePlan created = PipelinePlan.of(config(List.of("public.orders"), List.of()), catalog(Optional.empty(), ORDERS),
        List.of(withId(ORDERS)));
    PipelinePlan extended = PipelinePlan.of(config(List.of("public.orders"), List.of()),
        catalog(Optional.of(new CatalogPublication(true, false, Set.of(),
            dev.pipelines.cdc.config.plan.PublishedChange.all(), true)), ORDERS), List.of(withId(ORDERS)));

    assertThat(created.publicationMode()).isEqualTo(PublicationMode.FILTERED);
    assertThat(extended.publicationMode()).isEqualTo(PublicationMode.FILTERED);
  }

  @Test
  void reportsEveryProblemAtOnceTheSharedOnesAndTheJobsOwn() {
    SourceTable orders = new SourceTable("public", "orders", List.of(new SourceColumn("id", "bigint", false, false),
        new SourceColumn("price", "money", false, true)), List.of("id"), false);
    PipelineConfig config = PipelineConfig.of(new PipelineId("data", "orders"),
        new PostgresSourceConfig("pg", 5432, "shop", List.of("public.orders", "public.evnts", "public.events"), List.of(),
            "slot", "pub", StartupMode.INITIAL, 1000),
        new StarRocksSinkConfig("jdbc:mysql://fe:9030", List.of("fe:8030"), "bad-db", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));

    assertThatThrownBy(() -> PipelinePlan.of(config, catalog(Optional.empty(), EVENTS, ORDERS),
        List.of(withId(EVENTS), orders)))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("the pipeline cannot start: no table matches 'public.evnts' in database shop")
        .hasMessageContaining("table public.events has no primary key")
        .hasMessageContaining("StarRocks database name 'bad-db'")
        .hasMessageContaining("table public.orders, column price");
  }

  @Test
  void columnNamesTheJobReadAreCheckedByTheSharedNameRule() {
    CatalogTable customers = catalogTable("public", "Customers", List.of("id"));
    SourceTable withColumns = new SourceTable("public", "Customers", List.of(new SourceColumn("id", "bigint", false, false),
        new SourceColumn("Display Name", "text", false, true)), List.of("id"), false);

    assertThatThrownBy(() -> PipelinePlan.of(config(List.of("public\\..*"), List.of()), catalog(Optional.empty(), customers),
        List.of(withColumns)))
        .hasMessageContaining("table public.Customers: column 'Display Name' contains a space");
  }

  @Test
  void routesRenameAndSeparateTablesOfTheSameName() {
    PipelinePlan plan = PipelinePlan.of(config(List.of(".*\\.orders"), List.of(),
        List.of(new TableRoute("sales.orders", "sales_orders"))), catalog(Optional.empty(), ORDERS, SALES_ORDERS),
        List.of(withId(ORDERS), withId(SALES_ORDERS)));

    assertThat(plan.targetNameBySource()).isEqualTo(Map.of("public.orders", "orders", "sales.orders", "sales_orders"));
  }

  @Test
  void onlySelectedTablesHaveTheirColumnsReadAndExcludedOnesAreNotPlanned() {
    PipelineConfig config = config(List.of("public\\..*"), List.of("public.events"));
    SourceCatalog catalog = catalog(Optional.empty(), EVENTS, ORDERS);

    assertThat(PipelinePlan.selected(config, catalog)).extracting(CatalogTable::qualifiedName)
        .containsExactly("public.orders");
    assertThat(PipelinePlan.of(config, catalog, List.of(withId(ORDERS))).sourceNames()).containsExactly("public.orders");
    assertThatThrownBy(() -> PipelinePlan.of(config, catalog, List.of(withId(EVENTS), withId(ORDERS))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static PipelineConfig config(List<String> tables, List<String> exclude) {
    return config(tables, exclude, List.of());
  }

  static PipelineConfig config(List<String> tables, List<String> exclude, List<TableRoute> routes) {
    return PipelineConfig.of(new PipelineId("data", "orders"),
        new PostgresSourceConfig("pg", 5432, "shop", tables, exclude, "slot", "pub", StartupMode.INITIAL, 1000),
        new StarRocksSinkConfig("jdbc:mysql://fe:9030", List.of("fe:8030"), "shop",
            routes, true, DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));
  }

  static SourceCatalog catalog(Optional<CatalogPublication> publication, CatalogTable... tables) {
    return new SourceCatalog("shop", List.of(tables), publication, new CatalogUser("cdc", false, true));
  }

  static CatalogTable catalogTable(String schema, String name, List<String> key) {
    return new CatalogTable(schema, name, TableKind.TABLE, key, false, false, true, true);
  }

  /** The table as the job reads it: one bigint column, id. */
  static SourceTable withId(CatalogTable t) {
    return new SourceTable(t.schema(), t.name(), List.of(new SourceColumn("id", "bigint", false, false)), t.primaryKey(),
        false);
  }
}
