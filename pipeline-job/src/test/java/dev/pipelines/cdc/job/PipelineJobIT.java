package dev.pipelines.cdc.job;

import static dev.pipelines.cdc.job.TableChecksum.Kind.BOOL;
import static dev.pipelines.cdc.job.TableChecksum.Kind.DATE;
import static dev.pipelines.cdc.job.TableChecksum.Kind.JSON;
import static dev.pipelines.cdc.job.TableChecksum.Kind.NUMBER;
import static dev.pipelines.cdc.job.TableChecksum.Kind.PADDED;
import static dev.pipelines.cdc.job.TableChecksum.Kind.TEXT;
import static dev.pipelines.cdc.job.TableChecksum.Kind.UTC_DATETIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.job.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job (our main code path) from a real Postgres 17 into the StarRocks emulator: snapshot
 * of several tables over many chunks, then inserts, updates, deletes and multi-statement
 * transactions, compared row by row and column by column.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class PipelineJobIT {
  static final List<Column> CUSTOMERS = List.of(new Column("id", NUMBER), new Column("name", TEXT),
      new Column("email", TEXT), new Column("vip", BOOL), new Column("created", UTC_DATETIME));
  static final List<Column> ORDERS = List.of(new Column("id", NUMBER), new Column("customer_id", NUMBER),
      new Column("amount", NUMBER), new Column("placed", DATE), new Column("note", TEXT), new Column("tags", JSON),
      new Column("doc", JSON));
  static final List<Column> ORDER_ITEMS = List.of(new Column("order_id", NUMBER), new Column("item_no", NUMBER),
      new Column("sku", PADDED), new Column("qty", NUMBER), new Column("price", NUMBER));

  @TempDir
  Path checkpoints;

  @Test
  void snapshotThenChangesOfThreeTablesArriveExactly(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "e2e_basic";
    createSourceTables(pg, schema, 300, 2000, 3);
    PipelineConfig config = config(pg, sr, schema, "e2e_basic", DeliverySemantic.AT_LEAST_ONCE);

    try (RunningPipeline job = RunningPipeline.start(config, credentials(sr), checkpoints, 2, Optional.empty())) {
      awaitEqual(pg, sr, schema, "e2e_basic");

      pg.superuserSql().execute(
          "INSERT INTO " + schema + ".customers SELECT g, 'new ' || g, 'n' || g || '@x.org', false, now()"
              + " FROM generate_series(1001, 1100) g",
          "UPDATE " + schema + ".orders SET amount = amount * 2, note = 'doubled' WHERE id % 7 = 0",
          "DELETE FROM " + schema + ".order_items WHERE order_id % 11 = 0",
          "BEGIN; INSERT INTO " + schema + ".orders (id, customer_id, amount, placed) VALUES (90001, 1, 1.10, '2024-01-01');"
              + " UPDATE " + schema + ".orders SET amount = 2.20, tags = ARRAY['late'] WHERE id = 90001;"
              + " UPDATE " + schema + ".customers SET vip = true, name = 'renamed' WHERE id = 1;"
              + " DELETE FROM " + schema + ".orders WHERE id = 14; COMMIT",
          "BEGIN; DELETE FROM " + schema + ".customers WHERE id = 2; INSERT INTO " + schema
              + ".customers VALUES (2, 'reborn', null, true, '2000-01-01 00:00:00+05'); COMMIT");

      awaitEqual(pg, sr, schema, "e2e_basic");
    }
  }

  private void awaitEqual(PostgresServer pg, StarRocksEmulator sr, String schema, String db) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (Connection p = pg.superuserConnection();
          Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
        assertEqual(TableChecksum.compare(p, schema + ".customers", s, db + ".customers", CUSTOMERS, 1), "customers");
        assertEqual(TableChecksum.compare(p, schema + ".orders", s, db + ".orders", ORDERS, 1), "orders");
        assertEqual(TableChecksum.compare(p, schema + ".order_items", s, db + ".items", ORDER_ITEMS, 2), "items");
      }
    });
  }

  private static void assertEqual(TableChecksum.Result result, String table) {
    assertThat(result.sourceRows()).as("%s has rows", table).isPositive();
    assertThat(result.equal()).as("%s: %s", table, result).isTrue();
  }

  static void createSourceTables(PostgresServer pg, String schema, int customers, int orders, int itemsPerOrder) {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE",
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customers (id int PRIMARY KEY, name text NOT NULL, email varchar(100),"
            + " vip boolean, created timestamptz)",
        "CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY, customer_id int, amount numeric(12,2),"
            + " placed date, note text, tags text[], doc jsonb)",
        "CREATE TABLE " + schema + ".order_items (order_id bigint, item_no int, sku char(8), qty smallint,"
            + " price numeric(10,2), PRIMARY KEY (order_id, item_no))",
        "INSERT INTO " + schema + ".customers SELECT g, 'customer ' || g, 'c' || g || '@example.org', g % 10 = 0,"
            + " timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 minute' FROM generate_series(1, "
            + customers + ") g",
        "INSERT INTO " + schema + ".orders SELECT g, 1 + g % " + customers + ", (g * 1.25)::numeric(12,2),"
            + " date '2024-01-01' + g % 365, CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END,"
            + " ARRAY['t' || (g % 5), 'x y'], jsonb_build_object('n', g, 'nested', jsonb_build_object('ok', g % 2 = 0))"
            + " FROM generate_series(1, " + orders + ") g",
        "INSERT INTO " + schema + ".order_items SELECT o, i, 'SKU' || (o % 100), (i * 2)::smallint, 9.99 * i"
            + " FROM generate_series(1, " + orders + ") o, generate_series(1, " + itemsPerOrder + ") i",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".customers, " + schema + ".orders, "
            + schema + ".order_items",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
  }

  static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, String schema, String db,
      DeliverySemantic semantic) {
    return PipelineConfig.of(new PipelineId("it", db.replace('_', '-')),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), db,
            List.of(new TableRoute(schema + ".order_items", "items")), true, semantic, 1000, Map.of()));
  }

  static Credentials credentials(StarRocksEmulator sr) {
    return new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, sr.user(), sr.password());
  }
}
