package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind;
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
 * The names a real shop schema has, through the whole job: mixed case and reserved words arrive
 * under their own names; names StarRocks refuses stop the job before any DDL, every one of them in
 * one message, and StarRocks is left as it was.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class ShopNamesIT {
  @TempDir
  Path checkpoints;

  @Test
  void namesStarRocksRefusesStopTheJobBeforeAnyDdl(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "shop_refused";
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        // Valid: created first by the old code, which then stopped at the next table.
        "CREATE TABLE " + schema + ".\"OrderItems\" (id int PRIMARY KEY, qty int)",
        "CREATE TABLE " + schema + ".customers (id int PRIMARY KEY, \"Display Name\" text, \"say \"\"hi\"\"\" text)",
        "CREATE TABLE " + schema + ".\"Order Lines\" (id int PRIMARY KEY, \"ID\" int)",
        "CREATE TABLE " + schema + ".\"order-history\" (id int PRIMARY KEY)",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    PipelineConfig config = config(pg, sr, schema, "shop_refused", List.of());

    assertThatThrownBy(() -> RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1, Optional.empty()))
        .hasMessageStartingWith("the pipeline cannot start: ")
        .hasMessageContaining("table shop_refused.customers: column 'Display Name' contains a space")
        .hasMessageContaining("table shop_refused.customers: column 'say \"hi\"' contains a space, a double quote")
        .hasMessageContaining("rename it with a transform, e.g. spec.transforms: [{tables: [shop_refused.customers]")
        .hasMessageContaining("table shop_refused.Order Lines cannot be captured: its schema or table name holds"
            + " whitespace")
        .hasMessageContaining("table shop_refused.Order Lines: columns 'id' and 'ID' differ only in case")
        .hasMessageContaining("table shop_refused.order-history would be written to StarRocks table 'order-history'")
        .hasMessageContaining("{sourceTable: shop_refused.order-history, targetTable: order_history}");

    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
      assertThat(Rows.strings(s, "SHOW DATABASES")).doesNotContain("shop_refused");
    }
    assertThat(pg.replicationSlots()).noneMatch(slot -> slot.name().equals(schema + "_slot"));
  }

  @Test
  void mixedCaseAndReservedWordNamesArriveExactlyUnderTheirOwnNames(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    String schema = "shop_names";
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".\"OrderItems\" (\"OrderId\" int, \"key\" int, \"group\" text, \"select\" int,"
            + " PRIMARY KEY (\"OrderId\", \"key\"))",
        "CREATE TABLE " + schema + ".\"order\" (id int PRIMARY KEY, \"Total\" int, \"desc\" text)",
        "CREATE TABLE " + schema + ".\"order-lines\" (id int PRIMARY KEY, qty int)",
        "INSERT INTO " + schema + ".\"OrderItems\" SELECT g, g % 3, 'g' || g, g * 2 FROM generate_series(1, 200) g",
        "INSERT INTO " + schema + ".\"order\" SELECT g, g * 10, 'd ' || g FROM generate_series(1, 100) g",
        "INSERT INTO " + schema + ".\"order-lines\" SELECT g, g FROM generate_series(1, 50) g",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".\"OrderItems\", " + schema + ".\"order\", "
            + schema + ".\"order-lines\"",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    PipelineConfig config = config(pg, sr, schema, "shop_names",
        List.of(new TableRoute(schema + ".order-lines", "order_lines")));

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1,
        Optional.empty())) {
      awaitEqual(pg, sr, schema);
      pg.superuserSql().execute(
          "UPDATE " + schema + ".\"OrderItems\" SET \"group\" = 'changed', \"select\" = -1 WHERE \"OrderId\" % 7 = 0",
          "DELETE FROM " + schema + ".\"order\" WHERE id % 5 = 0",
          "INSERT INTO " + schema + ".\"order-lines\" VALUES (1000, 1)");
      awaitEqual(pg, sr, schema);
    }
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
      assertThat(Rows.strings(s, "SHOW TABLES FROM shop_names")).containsExactlyInAnyOrder("OrderItems", "order", "order_lines");
    }
  }

  private static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, String schema) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (Connection p = pg.superuserConnection();
          Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
        Rows.assertEqual(p, schema + ".\"OrderItems\"", s, "shop_names.`OrderItems`", List.of(new Column("OrderId", Kind.NUMBER),
            new Column("key", Kind.NUMBER), new Column("group", Kind.TEXT), new Column("select", Kind.NUMBER)), 2);
        Rows.assertEqual(p, schema + ".\"order\"", s, "shop_names.`order`", List.of(new Column("id", Kind.NUMBER),
            new Column("Total", Kind.NUMBER), new Column("desc", Kind.TEXT)), 1);
        Rows.assertEqual(p, schema + ".\"order-lines\"", s, "shop_names.order_lines", List.of(new Column("id", Kind.NUMBER),
            new Column("qty", Kind.NUMBER)), 1);
      }
    });
  }


  private static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, String schema, String db,
      List<TableRoute> routes) {
    return PipelineConfig.of(new PipelineId("it", db.replace('_', '-')),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), db, routes, true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));
  }

}
