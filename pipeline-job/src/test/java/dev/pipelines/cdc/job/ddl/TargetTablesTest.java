package dev.pipelines.cdc.job.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTablesTest {
  static final SourceTable ORDER_ITEMS = new SourceTable("public", "order_items", List.of(
      new SourceColumn("note", "text", false, true),
      new SourceColumn("item_no", "integer", false, false),
      new SourceColumn("order_id", "bigint", false, false),
      new SourceColumn("price", "numeric(12,2)", false, false)),
      List.of("order_id", "item_no"), false);

  @Test
  void keyColumnsComeFirstInKeyOrderAndTheRestAreNullable() {
    TargetTable t = TargetTables.of(ORDER_ITEMS, "shop", "order_items");

    assertThat(t.name()).isEqualTo("order_items");
    assertThat(t.columns()).containsExactly(
        new TargetColumn("order_id", "BIGINT", false),
        new TargetColumn("item_no", "INT", false),
        new TargetColumn("note", "VARCHAR(1048576)", true),
        new TargetColumn("price", "DECIMAL(12,2)", true));
    assertThat(t.primaryKey()).containsExactly("order_id", "item_no");
  }

  @Test
  void aTransformLeavesColumnsOutAndRenamesOthersKeysIncluded() {
    SourceTable transformed = ORDER_ITEMS.transformed(new ColumnTransform(List.of(), List.of("note"),
        List.of(new ColumnRename("item_no", "line"), new ColumnRename("price", "unit_price"))));

    TargetTable t = TargetTables.of(transformed, "shop", "order_items");

    assertThat(t.columns()).containsExactly(
        new TargetColumn("order_id", "BIGINT", false),
        new TargetColumn("line", "INT", false),
        new TargetColumn("unit_price", "DECIMAL(12,2)", true));
    assertThat(t.primaryKey()).containsExactly("order_id", "line");
  }

  @Test
  void aMergedTableHasTheSourceTableColumnAsItsLastKeyColumn() {
    TargetTable t = TargetTables.of(ORDER_ITEMS, "shop", "order_items", "source_table");

    assertThat(t.columns()).extracting(TargetColumn::name)
        .containsExactly("order_id", "item_no", "source_table", "note", "price");
    assertThat(t.columns().get(2)).isEqualTo(new TargetColumn("source_table", "VARCHAR(255)", false));
    assertThat(t.primaryKey()).containsExactly("order_id", "item_no", "source_table");
  }

  @Test
  void createTableDdl() {
    assertThat(StarRocksDdl.createTable(TargetTables.of(ORDER_ITEMS, "shop", "order_items"))).isEqualTo("""
        CREATE TABLE IF NOT EXISTS `shop`.`order_items` (
          `order_id` BIGINT NOT NULL,
          `item_no` INT NOT NULL,
          `note` VARCHAR(1048576) NULL,
          `price` DECIMAL(12,2) NULL
        )
        PRIMARY KEY (`order_id`, `item_no`)
        DISTRIBUTED BY HASH (`order_id`, `item_no`)""");
  }

  @Test
  void typeFamiliesCompareWithoutLengths() {
    assertThat(StarRocksSchemaSync.sameFamily("VARCHAR(128)", "varchar")).isTrue();
    assertThat(StarRocksSchemaSync.sameFamily("STRING", "varchar")).isTrue();
    assertThat(StarRocksSchemaSync.sameFamily("DECIMAL(12,2)", "decimal64")).isTrue();
    assertThat(StarRocksSchemaSync.sameFamily("ARRAY<INT>", "array")).isTrue();
    assertThat(StarRocksSchemaSync.sameFamily("BIGINT", "varchar")).isFalse();
  }
}
