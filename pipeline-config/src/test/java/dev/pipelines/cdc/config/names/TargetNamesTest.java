package dev.pipelines.cdc.config.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.TableRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetNamesTest {

  @Test
  void unroutedTablesKeepTheirNameAndRoutesRenameThem() {
    TargetNamePlan plan = TargetNames.plan(
        List.of(table("public.OrderItems", "id"), table("sales.orders", "id")),
        List.of(new TableRoute("sales.orders", "sales_orders")));

    assertThat(plan.valid()).isTrue();
    assertThat(plan.targetBySource()).isEqualTo(Map.of("public.OrderItems", "OrderItems", "sales.orders", "sales_orders"));
  }

  @Test
  void everyProblemOfEveryTableIsFoundAtOnceNamingTableColumnAndFix() {
    TargetNamePlan plan = TargetNames.plan(List.of(
        table("public.customers", "id", "Display Name", "say \"hi\""),
        table("public.order-items", "id"),
        table("public.Order Lines", "id"),
        table("public.items", "id", "ID"),
        table("public.events", "id", "__op")),
        List.of());

    assertThat(plan.problems()).containsExactly(
        "table public.customers: column 'Display Name' contains a space (" + StarRocksNames.RULE + "); StarRocks cannot"
            + " take it: " + TargetNames.columnFix("public.customers", "Display Name", "display_name"),
        "table public.customers: column 'say \"hi\"' contains a space, a double quote (" + StarRocksNames.RULE + ");"
            + " StarRocks cannot take it: " + TargetNames.columnFix("public.customers", "say \"hi\"", "say_hi_"),
        "table public.order-items would be written to StarRocks table 'order-items', whose name contains '-' ("
            + StarRocksNames.RULE + "): route it to a name StarRocks takes, e.g. spec.sink.starrocks.routes:"
            + " [{sourceTable: public.order-items, targetTable: order_items}]",
        "table public.Order Lines cannot be captured: its schema or table name holds whitespace, a dot or a double"
            + " quote, which flink-cdc 3.5.0 cannot read back when the snapshot hands over to the stream (the job would"
            + " fail at every restart); rename it in PostgreSQL (ALTER TABLE ... RENAME TO ...) or leave it out with"
            + " excludeTables",
        "table public.items: columns 'id' and 'ID' differ only in case, and StarRocks column names ignore case: "
            + TargetNames.columnFix("public.items", "ID", "id_2"),
        "table public.events: column '__op' is reserved by StarRocks (__op is a system column of every load);"
            + " StarRocks cannot take it: " + TargetNames.columnFix("public.events", "__op", "_op"));
    assertThat(plan.message()).contains("spec.transforms: [{tables: [public.customers], columns: {rename: [{from:"
        + " 'Display Name', to: display_name}]}}]");
  }

  @Test
  void twoSourcesMeetingInOneTargetAreRefusedEvenWhenOnlyCaseDiffers() {
    TargetNamePlan same = TargetNames.plan(List.of(table("b.orders"), table("a.orders")), List.of());
    assertThat(same.problems()).containsExactly(
        "tables [a.orders, b.orders] would all write StarRocks table orders; " + TargetNames.ROUTE_FIX);

    TargetNamePlan routed = TargetNames.plan(List.of(table("public.orders"), table("public.legacy_orders")),
        List.of(new TableRoute("public.legacy_orders", "Orders")));
    assertThat(routed.problems()).containsExactly("tables [public.legacy_orders, public.orders] would write"
        + " StarRocks tables [Orders, orders], whose names differ only in case (one table where StarRocks runs with"
        + " enable_table_name_case_insensitive); " + TargetNames.ROUTE_FIX);
  }

  @Test
  void aRouteToARefusedNameSaysToChooseAnother() {
    TargetNamePlan plan = TargetNames.plan(List.of(table("public.orders")),
        List.of(new TableRoute("public.orders", "order-history")));
    assertThat(plan.problems()).containsExactly(TargetNames.routedTargetProblem("public.orders", "order-history",
        StarRocksNames.tableProblem("order-history").orElseThrow()));
    assertThat(plan.message()).contains("choose another targetTable");
  }

  @Test
  void sourceNamesFlinkCdcCannotReadBackAreRefusedWithoutSuggestingARoute() {
    for (String qualified : new String[] {"public.Order Lines", "public.a\"b", "my schema.orders"}) {
      String name = qualified.substring(qualified.indexOf('.') + 1);
      TargetNamePlan plan = TargetNames.plan(List.of(new SourceTableNames(qualified, name, List.of("id"))), List.of());
      assertThat(plan.problems()).as(qualified).singleElement().satisfies(p -> assertThat(p)
          .startsWith("table " + qualified + " cannot be captured").doesNotContain("targetTable"));
    }
    assertThat(TargetNames.plan(List.of(table("public.OrderItems", "id")), List.of()).valid()).isTrue();
  }

  @Test
  void databaseNameIsChecked() {
    assertThat(TargetNames.databaseProblem("analytics")).isEmpty();
    assertThat(TargetNames.databaseProblem("my-db")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("StarRocks database name 'my-db' contains '-'").endsWith("spec.sink.starrocks.database to a name StarRocks takes"));
  }

  private static SourceTableNames table(String qualified, String... columns) {
    return new SourceTableNames(qualified, qualified.substring(qualified.indexOf('.') + 1), List.of(columns));
  }
}
