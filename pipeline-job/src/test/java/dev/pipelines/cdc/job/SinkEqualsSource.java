package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.job.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

/**
 * The job ITs' passing condition: every compared StarRocks table equals its Postgres table over
 * every row and column (0 lost, 0 extra, 0 different), awaited because loads land asynchronously.
 */
final class SinkEqualsSource {
  private SinkEqualsSource() {}

  /** A Postgres table, its StarRocks copy, the columns to compare and how many form the key. */
  record Compared(String source, String target, List<Column> columns, int keyColumns) {}

  /** The three tables of {@link PipelineJobIT#createSourceTables}, written into StarRocks database {@code db}. */
  static List<Compared> threeTables(String schema, String db) {
    return List.of(new Compared(schema + ".customers", db + ".customers", PipelineJobIT.CUSTOMERS, 1),
        new Compared(schema + ".orders", db + ".orders", PipelineJobIT.ORDERS, 1),
        new Compared(schema + ".order_items", db + ".items", PipelineJobIT.ORDER_ITEMS, 2));
  }

  /** Waits up to {@code atMost} until every table is equal (and not empty). */
  static void await(PostgresServer pg, StarRocksEmulator sr, Duration atMost, List<Compared> tables) {
    org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (Connection p = pg.superuserConnection();
          Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
        for (Compared t : tables) {
          TableChecksum.Result result = TableChecksum.compare(p, t.source(), s, t.target(), t.columns(), t.keyColumns());
          assertThat(result.sourceRows()).as("%s has rows", t.source()).isPositive();
          assertThat(result.equal()).as("%s: %s", t.source(), result).isTrue();
        }
      }
    });
  }
}
