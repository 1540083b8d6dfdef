package dev.pipelines.cdc.job;

import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.compare.ComparedTable;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

/**
 * The job ITs' passing condition, test-support's {@link dev.pipelines.cdc.testsupport.compare.SinkEqualsSource}
 * (every compared StarRocks table equals its Postgres table over every row and column), here for a
 * {@link PostgresServer} and a {@link StarRocksEmulator}, plus the three tables most ITs use.
 */
final class SinkEqualsSource {
  private SinkEqualsSource() {}

  /** The three tables of {@link PipelineJobIT#createSourceTables}, written into StarRocks database {@code db}. */
  static List<ComparedTable> threeTables(String schema, String db) {
    return List.of(new ComparedTable(schema + ".customers", db + ".customers", PipelineJobIT.CUSTOMERS, 1),
        new ComparedTable(schema + ".orders", db + ".orders", PipelineJobIT.ORDERS, 1),
        new ComparedTable(schema + ".order_items", db + ".items", PipelineJobIT.ORDER_ITEMS, 2));
  }

  /** Waits up to {@code atMost} until every table is equal (and not empty). */
  static void await(PostgresServer pg, StarRocksEmulator sr, Duration atMost, List<ComparedTable> tables) {
    dev.pipelines.cdc.testsupport.compare.SinkEqualsSource.await(pg::superuserConnection,
        () -> DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password()), atMost, tables);
  }
}
