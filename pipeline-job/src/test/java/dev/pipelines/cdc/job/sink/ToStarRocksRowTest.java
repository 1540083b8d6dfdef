package dev.pipelines.cdc.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a route merges tables, each row carries its source table, upserts and deletes alike; elsewhere rows pass as they are. */
class ToStarRocksRowTest {
  private final ToStarRocksRow rows = new ToStarRocksRow("shop", Map.of("shop.orders_2024", "orders",
      "shop.orders_2025", "orders", "crm.customers", "customers"), Map.of("shop.orders_2024", "source_table",
      "shop.orders_2025", "source_table"));

  @Test
  void mergedRowsCarryTheirSourceTableFirstAndOthersAreUntouched() throws Exception {
    var upsert = rows.map(new ChangeRow("shop.orders_2024", "k", "{\"id\":7,\"amount\":\"1.50\",\"__op\":0}"));
    var delete = rows.map(new ChangeRow("shop.orders_2025", "k", "{\"id\":7,\"__op\":1}"));
    var plain = rows.map(new ChangeRow("crm.customers", "k", "{\"id\":7,\"__op\":0}"));

    assertThat(upsert.getTable()).isEqualTo("orders");
    assertThat(upsert.getDataRows()).containsExactly(
        "{\"source_table\":\"shop.orders_2024\",\"id\":7,\"amount\":\"1.50\",\"__op\":0}");
    assertThat(delete.getDataRows()).containsExactly("{\"source_table\":\"shop.orders_2025\",\"id\":7,\"__op\":1}");
    assertThat(plain.getTable()).isEqualTo("customers");
    assertThat(plain.getDataRows()).containsExactly("{\"id\":7,\"__op\":0}");
  }
}
