package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.job.catalog.CatalogTables;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The snapshot source alone, as a bounded Flink job at parallelism 2, on a real Postgres 17: more
 * than 1,000 splits of a table written to heavily meanwhile, an empty table and a partitioned one.
 */
@ExtendWith(PostgresExtension.class)
class SnapshotSourceIT {
  static final ConcurrentLinkedQueue<ChangeRow> ROWS = new ConcurrentLinkedQueue<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Credentials CDC = new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, "u", "p");
  private static final int ACCOUNTS = 40_000;
  private static final long TOTAL = ACCOUNTS * 100L;
  private static final int ROWS_PER_SPLIT = 20;

  @AfterEach
  void clear(PostgresServer pg) {
    ROWS.clear();
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE slot_name = 'snap_slot' AND NOT active");
  }

  @Test
  void everyRowOnceAtOneConsistentPointWhileTheTableIsWrittenToHeavily(PostgresServer pg) throws Exception {
    pg.superuserSql().execute("DROP SCHEMA IF EXISTS snap CASCADE", "CREATE SCHEMA snap",
        // ~35 rows a block: over 1,000 blocks, one split each.
        "CREATE TABLE snap.accounts (id int PRIMARY KEY, balance bigint NOT NULL, pad text)",
        "INSERT INTO snap.accounts SELECT g, 100, repeat('x', 200) FROM generate_series(1, " + ACCOUNTS + ") g",
        "CREATE TABLE snap.empty (id int PRIMARY KEY)",
        "CREATE TABLE snap.parted (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
        "CREATE TABLE snap.parted_2024 PARTITION OF snap.parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        "CREATE TABLE snap.parted_2025 PARTITION OF snap.parted FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
        "INSERT INTO snap.parted SELECT g, date '2024-06-01' + (g % 400) FROM generate_series(1, 3000) g",
        "ANALYZE snap.accounts", "ANALYZE snap.parted_2024", "ANALYZE snap.parted_2025",
        "GRANT USAGE ON SCHEMA snap TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA snap TO " + PostgresServer.CDC_USER,
        "DROP PUBLICATION IF EXISTS snap_pub", "ALTER SCHEMA snap OWNER TO " + PostgresServer.CDC_USER,
        "ALTER TABLE snap.accounts OWNER TO " + PostgresServer.CDC_USER,
        "ALTER TABLE snap.empty OWNER TO " + PostgresServer.CDC_USER,
        "ALTER TABLE snap.parted OWNER TO " + PostgresServer.CDC_USER,
        "GRANT CREATE ON DATABASE " + PostgresServer.DATABASE + " TO " + PostgresServer.CDC_USER);
    List<SourceTable> tables;
    try (Connection c = pg.superuserConnection()) {
      tables = CatalogTables.matching(c, List.of("snap\\..*"));
    }
    assertThat(tables).extracting(SourceTable::qualifiedName).containsExactlyInAnyOrder("snap.accounts", "snap.empty",
        "snap.parted");

    // Planned as promised: over 1,000 splits for the big table. Measured before the writer starts:
    // its updates add blocks while reltuples stays, so a later measurement sees fewer rows a block
    // and plans two blocks a split (908 splits once in CI). 20 rows a split keeps one block a split
    // until the table has grown by ~70 %.
    try (Connection c = pg.superuserConnection()) {
      List<SnapshotSplit> splits = SplitPlanner.plan(RelationSizes.of(c, tables), ROWS_PER_SPLIT, true, "0-1");
      assertThat(splits.stream().filter(s -> s.table().equals("snap.accounts")).count()).isGreaterThan(1000);
      assertThat(splits.stream().filter(s -> s.table().equals("snap.parted")).map(SnapshotSplit::relation).distinct())
          .containsExactlyInAnyOrder("\"snap\".\"parted_2024\"", "\"snap\".\"parted_2025\"");
    }

    // Transfers between random accounts, one per transaction: every consistent view sums to TOTAL.
    // Updates put new row versions into other blocks, so a view that is not one snapshot would show
    // rows twice or not at all, or a wrong sum.
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong transfers = new AtomicLong();
    Thread writer = new Thread(() -> {
      try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
        while (!stop.get()) {
          int from = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
          int to = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
          st.execute("BEGIN; UPDATE snap.accounts SET balance = balance - 7 WHERE id = " + from
              + "; UPDATE snap.accounts SET balance = balance + 7 WHERE id = " + to + "; COMMIT");
          transfers.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      SnapshotSettings settings = new SnapshotSettings(new HostPort(pg.host(), pg.port()), PostgresServer.DATABASE, CDC,
          "snap_slot", "snap_pub", PublicationMode.FILTERED, tables, ROWS_PER_SPLIT);
      env.fromSource(new SnapshotSource(settings, JsonCastEncoders::forTable, false), WatermarkStrategy.noWatermarks(), "snap")
          .addSink(new SinkFunction<>() {
            @Override
            public void invoke(ChangeRow row, Context context) {
              ROWS.add(row);
            }
          });
      env.execute("snapshot-it");
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(transfers.get()).as("transfers during the snapshot").isPositive();

    Map<String, Map<Long, JsonNode>> byTable = new HashMap<>();
    long duplicates = 0;
    for (ChangeRow row : ROWS) {
      JsonNode json = JSON.readTree(row.json);
      if (byTable.computeIfAbsent(row.sourceTable, t -> new HashMap<>()).put(json.get("id").asLong(), json) != null) {
        duplicates++;
      }
    }
    assertThat(duplicates).as("rows emitted twice").isZero();
    Map<Long, JsonNode> accounts = byTable.get("snap.accounts");
    assertThat(accounts).hasSize(ACCOUNTS);
    assertThat(accounts.values().stream().mapToLong(j -> j.get("balance").asLong()).sum())
        .as("sum of balances: one consistent snapshot").isEqualTo(TOTAL);
    assertThat(byTable).doesNotContainKey("snap.empty");
    assertThat(byTable.get("snap.parted")).as("partitioned table, as its parent").hasSize(3000);
    assertThat(byTable.get("snap.parted").get(5L).get("at").asText()).isEqualTo("2024-06-06");

    // The publication covers every table (as the partition root) before the slot existed.
    assertThat(pg.publications()).filteredOn(p -> p.name().equals("snap_pub")).singleElement()
        .satisfies(p -> assertThat(p.tables()).containsExactlyInAnyOrder("snap.accounts", "snap.empty", "snap.parted"));
    assertThat(pg.superuserSql().query("SELECT pubviaroot FROM pg_publication WHERE pubname = 'snap_pub'",
        rs -> rs.getBoolean(1))).containsExactly(true);
  }
}
