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
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableMerge;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.compare.TableChecksum;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three shards of one table (the same ids in each) merged into one StarRocks table under concurrent
 * writes through snapshot and stream: every row arrives once, keyed by its id and its source table,
 * compared row by row with the union of the shards.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class ShardMergeIT {
  private static final String SCHEMA = "shop_shards";
  private static final List<String> SHARDS = List.of("orders_2024", "orders_2025", "orders_2026");

  @TempDir
  Path checkpoints;

  @Test
  void threeShardsWithTheSameIdsMergeIntoOneTableKeyedByTheirSourceUnderConcurrentWrites(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    List<String> ddl = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA));
    for (String shard : SHARDS) {
      ddl.add("CREATE TABLE " + SCHEMA + "." + shard + " (id bigint PRIMARY KEY, customer text, amount numeric(12,2),"
          + " card_number text)");
      // The same ids in every shard: without the source column they would overwrite each other.
      ddl.add("INSERT INTO " + SCHEMA + "." + shard + " SELECT g, 'c' || (g % 97), g * 0.25, '4111' FROM generate_series(1, 4000) g");
    }
    ddl.add("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER);
    ddl.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER);
    ddl.add("DROP PUBLICATION IF EXISTS " + SCHEMA + "_pub");
    ddl.add("CREATE PUBLICATION " + SCHEMA + "_pub FOR TABLE " + String.join(", ", SHARDS.stream()
        .map(s -> SCHEMA + "." + s).toList()));
    pg.superuserSql().execute(ddl.toArray(String[]::new));

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    AtomicLong writes = new AtomicLong();
    Thread writer = new Thread(() -> {
      java.util.Random random = new java.util.Random(42);
      try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
        long next = 10_000;
        while (writing.get()) {
          String shard = SCHEMA + "." + SHARDS.get(random.nextInt(SHARDS.size()));
          long id = 1 + random.nextInt(4000);
          switch (random.nextInt(4)) {
            case 0 -> st.execute("INSERT INTO " + shard + " VALUES (" + next++ + ", 'new', 1.00, '5500')");
            case 1 -> st.execute("DELETE FROM " + shard + " WHERE id = " + id);
            default -> st.execute("UPDATE " + shard + " SET amount = amount + 1, customer = 'u' || " + id + " WHERE id = " + id);
          }
          writes.incrementAndGet();
          Thread.sleep(2);
        }
      } catch (Throwable e) {
        writerFailure.set(e);
      }
    }, "shard-writer");

    writer.start();
    try (RunningPipeline job = RunningPipeline.start(config(pg, sr, new TableMerge("orders", "source_table")),
        PipelineJobIT.credentials(sr), checkpoints, 2, Optional.empty())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> writes.get() > 1500);
      writing.set(false);
      writer.join();
      assertThat(writerFailure.get()).isNull();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        try (Connection p = pg.superuserConnection();
            Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
          TableChecksum.Result result = TableChecksum.compare(p, union(), s, SCHEMA + ".orders", List.of(
              new Column("id", Kind.NUMBER), new Column("source_table", Kind.TEXT), new Column("customer", Kind.TEXT),
              new Column("amount", Kind.NUMBER)), 2);
          assertThat(result.sourceRows()).isGreaterThan(3 * 3900);
          assertThat(result.equal()).as("%s", result).isTrue();
        }
      });
    }
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        Statement st = s.createStatement(); ResultSet rs = st.executeQuery("SHOW COLUMNS FROM " + SCHEMA + ".orders")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
      assertThat(columns).containsExactly("id", "source_table", "customer", "amount");
    }
  }

  @Test
  void aMergeWithoutASourceColumnOrOfTablesThatDifferIsRefusedBeforeAnyDdl(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    pg.superuserSql().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".orders_2024 (id bigint PRIMARY KEY, customer text, amount numeric(12,2), card_number text)",
        "CREATE TABLE " + SCHEMA + ".orders_2025 (id bigint PRIMARY KEY, customer text, amount numeric(14,2), card_number text)",
        "CREATE TABLE " + SCHEMA + ".orders_2026 (id bigint PRIMARY KEY, customer text, amount numeric(12,2), card_number text)",
        "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER,
        "DROP PUBLICATION IF EXISTS " + SCHEMA + "_pub",
        "CREATE PUBLICATION " + SCHEMA + "_pub FOR TABLE " + SCHEMA + ".orders_2024, " + SCHEMA + ".orders_2025, "
            + SCHEMA + ".orders_2026");

    assertThatThrownBy(() -> RunningPipeline.start(config(pg, sr, new TableMerge("orders", "")),
        PipelineJobIT.credentials(sr), checkpoints, 1, Optional.empty()))
        .hasMessageContaining("spec.transforms[0].route writes [shop_shards.orders_2024, shop_shards.orders_2025,"
            + " shop_shards.orders_2026] into StarRocks table orders, where rows of different tables with the same key (id)"
            + " would overwrite each other: set route.sourceTableColumn");
    assertThatThrownBy(() -> RunningPipeline.start(config(pg, sr, new TableMerge("orders", "source_table")),
        PipelineJobIT.credentials(sr), checkpoints, 1, Optional.empty()))
        .hasMessageContaining("tables [shop_shards.orders_2024, shop_shards.orders_2025, shop_shards.orders_2026] are"
            + " routed into StarRocks table shop_shards.orders but would not make the same table of it")
        .hasMessageContaining("amount DECIMAL(14,2)");
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        Statement st = s.createStatement(); ResultSet rs = st.executeQuery("SHOW DATABASES")) {
      List<String> databases = new ArrayList<>();
      while (rs.next()) {
        databases.add(rs.getString(1));
      }
      assertThat(databases).doesNotContain(SCHEMA);
    }
  }

  private static String union() {
    return "(" + String.join(" UNION ALL ", SHARDS.stream().map(s -> "SELECT id, '" + SCHEMA + "." + s
        + "' AS source_table, customer, amount FROM " + SCHEMA + "." + s).toList()) + ") shards";
  }

  private static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, TableMerge route) {
    return PipelineConfig.of(new PipelineId("it", "shop-shards"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(SCHEMA + "\\.orders_.*"),
            List.of(), SCHEMA + "_slot", SCHEMA + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), SCHEMA, List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()),
        List.of(new TableTransform(List.of(SCHEMA + "\\.orders_\\d{4}"),
            new ColumnTransform(List.of(), List.of("card_number"), List.of()), "", route)));
  }
}
