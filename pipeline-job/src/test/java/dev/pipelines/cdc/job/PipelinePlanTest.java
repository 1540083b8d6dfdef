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
import dev.pipelines.cdc.job.catalog.ExistingPublication;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelinePlanTest {
  static final SourceTable ORDERS = table("public", "orders", List.of("id"));
  static final SourceTable SALES_ORDERS = table("sales", "orders", List.of("id"));
  static final SourceTable EVENTS = table("public", "events", List.of());

  @Test
  void plansTargetsShapesAndUsesAnExistingCompletePublicationUntouched() {
    PipelinePlan plan = PipelinePlan.of(config(List.of("public\\..*"), List.of()), List.of("public.orders"),
        List.of(ORDERS), Optional.of(new ExistingPublication("pub", false, false, Set.of("public.orders"))));

    assertThat(plan.targetNameBySource()).isEqualTo(Map.of("public.orders", "orders"));
    assertThat(plan.shapes().get("public.orders").keyColumns()).containsExactly("id");
    assertThat(plan.publicationMode()).isEqualTo(PublicationMode.DISABLED);
  }

  @Test
  void missingPublicationIsCreatedForTheCapturedTablesOnly() {
    PipelinePlan plan = PipelinePlan.of(config(List.of("public.orders"), List.of()), List.of("public.orders"),
        List.of(ORDERS), Optional.empty());

    assertThat(plan.publicationMode()).isEqualTo(PublicationMode.FILTERED);
  }

  @Test
  void incompletePublicationOwnedBySomeoneElseIsExplained() {
    assertThatThrownBy(() -> PipelinePlan.of(config(List.of("public.orders"), List.of()), List.of("public.orders"),
        List.of(ORDERS), Optional.of(new ExistingPublication("pub", false, false, Set.of()))))
        .hasMessageContaining("publication pub does not publish [public.orders]")
        .hasMessageContaining("ALTER PUBLICATION pub ADD TABLE public.orders");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> PipelinePlan.of(config(List.of("public.orders", "public.evnts", "public.events"), List.of()),
        List.of("public.orders", "public.events"), List.of(ORDERS, EVENTS), Optional.empty()))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("no table matches [public.evnts] in database shop")
        .hasMessageContaining("table public.events has no primary key");
  }

  @Test
  void twoTablesOfTheSameNameNeedARoute() {
    assertThatThrownBy(() -> PipelinePlan.of(config(List.of(".*\\.orders"), List.of()),
        List.of("public.orders", "sales.orders"), List.of(ORDERS, SALES_ORDERS), Optional.empty()))
        .hasMessageContaining("tables [public.orders, sales.orders] would all write StarRocks table orders;"
            + " give each its own targetTable in spec.sink.starrocks.routes");
  }

  @Test
  void routesRenameAndSeparateTablesOfTheSameName() {
    PipelinePlan plan = PipelinePlan.of(config(List.of(".*\\.orders"), List.of(),
        List.of(new TableRoute("sales.orders", "sales_orders"))), List.of("public.orders", "sales.orders"),
        List.of(ORDERS, SALES_ORDERS), Optional.empty());

    assertThat(plan.targetNameBySource()).isEqualTo(Map.of("public.orders", "orders", "sales.orders", "sales_orders"));
  }

  @Test
  void namesStarRocksRefusesAreAllReportedAtOnceBeforeAnyDdl() {
    SourceTable customers = new SourceTable("public", "Customers", List.of(new SourceColumn("id", "bigint", false, false),
        new SourceColumn("Display Name", "text", false, true)), List.of("id"), false);
    SourceTable items = new SourceTable("public", "Order Items", List.of(new SourceColumn("id", "bigint", false, false),
        new SourceColumn("ID", "bigint", false, true)), List.of("id"), false);

    assertThatThrownBy(() -> PipelinePlan.of(config(List.of("public\\..*"), List.of()),
        List.of("public.Customers", "public.Order Items"), List.of(customers, items), Optional.empty()))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("table public.Customers: column 'Display Name' contains a space")
        .hasMessageContaining("column renames will be possible once transforms exist")
        .hasMessageContaining("table public.Order Items cannot be captured: its schema or table name holds whitespace")
        .hasMessageContaining("table public.Order Items: columns 'id' and 'ID' differ only in case");
  }

  @Test
  void excludedTablesAreNotPlannedAndDoNotCountAsUnmatched() {
    PipelinePlan plan = PipelinePlan.of(config(List.of("public\\..*"), List.of("public.events")),
        List.of("public.orders", "public.events"), List.of(ORDERS), Optional.empty());

    assertThat(plan.sourceNames()).containsExactly("public.orders");
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

  static SourceTable table(String schema, String name, List<String> key) {
    return new SourceTable(schema, name, List.of(new SourceColumn("id", "bigint", false, false)), key, false);
  }
}
