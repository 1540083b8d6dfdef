package dev.pipelines.cdc.demo;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.emulator.EmulatorSettings;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.PipelineJobMain;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole pipeline on one machine: an embedded PostgreSQL 17 with sample tables (port 5433), the
 * StarRocks emulator (an emulator, not StarRocks), and the pipeline job in a Flink mini-cluster.
 * It snapshots the tables, printing the snapshot's progress as the operator reads it (from the
 * mini-cluster's REST API), then makes changes for a while and shows StarRocks catching up.
 */
public final class LocalDemo {
  static final int POSTGRES_PORT = 5433;
  static final List<String> TABLES = List.of("customers", "orders");

  private LocalDemo() {}

  public static void main(String[] args) throws Exception {
    Duration changesFor = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
    orders = args.length > 1 ? Long.parseLong(args[1]) : orders;
    try (PostgresServer pg = PostgresServer.start(POSTGRES_PORT);
        MariaDbServer mariaDb = MariaDbServer.start();
        StarRocksEmulator sr = StarRocksEmulator.start(EmulatorSettings.defaults(),
            new Store(mariaDb.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD))) {
      createSampleTables(pg);
      say("PostgreSQL 17 (embedded): " + pg.jdbcUrl() + " — tables shop.customers, shop.orders");
      say("StarRocks emulator (not StarRocks): " + sr.jdbcUrl() + ", Stream Load at " + sr.loadUrl()
          + ", user " + sr.user());

      PipelineConfig config = PipelineConfig.of(new PipelineId("local", "demo"),
          new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of("shop\\..*"), List.of(),
              "cdc_local_demo", "cdc_local_demo", StartupMode.INITIAL, 8096),
          // The job accepts jdbc:mysql://host:port only (it sets the driver's options itself).
          new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), "shop", List.of(), true,
              DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));
      int restPort = SnapshotWatch.freePort();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
          SnapshotWatch.miniCluster(restPort));
      env.enableCheckpointing(2000);
      PipelineJobMain.prepare(env, config,
          new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, sr.user(), sr.password()));
      JobClient job = env.executeAsync("cdc-pipeline local/demo");
      say("pipeline job " + job.getJobID() + " running; snapshot first, then changes; Flink REST API at "
          + SnapshotWatch.restUri(restPort));
      // The changes start once the snapshot is read; the stream then catches them up.
      SnapshotWatch.start(restPort, job.getJobID().toHexString(), rowEstimate(pg), LocalDemo::say)
          .get(30, TimeUnit.MINUTES);

      long end = System.nanoTime() + changesFor.toNanos();
      int round = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(1000);
        makeChanges(pg, ++round);
        report(pg, sr);
      }
      say("changes stopped; waiting for StarRocks to catch up");
      boolean caughtUp = false;
      for (int i = 0; i < 60 && !caughtUp; i++) {
        Thread.sleep(1000);
        caughtUp = report(pg, sr);
      }
      say(caughtUp ? "StarRocks has caught up with Postgres" : "StarRocks has not caught up within a minute");
      job.cancel().get();
    }
  }

  /** PostgreSQL's estimate of the sample tables' rows, what the progress line measures against. */
  static long rowEstimate(PostgresServer pg) throws SQLException {
    try (Connection c = pg.superuserConnection()) {
      return RowEstimates.read(c).total(TABLES.stream().map(t -> "shop." + t).toList());
    }
  }

  /**
   * Orders in the sample (the second argument, default 50,000): a few million make a snapshot long
   * enough to watch (and to record the REST fixtures during, hack/record-flink-rest-fixtures.sh).
   */
  private static long orders = 50_000;

  static long orders() {
    return orders;
  }

  static void createSampleTables(PostgresServer pg) {
    pg.superuserSql().execute(
        "CREATE SCHEMA shop",
        "CREATE TABLE shop.customers (id int PRIMARY KEY, name text NOT NULL, city varchar(40),"
            + " since timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id int NOT NULL, amount numeric(12,2),"
            + " status text NOT NULL, items jsonb)",
        "INSERT INTO shop.customers (id, name, city) SELECT g, 'customer ' || g,"
            + " (ARRAY['Lisbon','Oslo','Lima','Osaka'])[1 + g % 4] FROM generate_series(1, 1000) g",
        "INSERT INTO shop.orders SELECT g, 1 + g % 1000, round((random() * 500)::numeric, 2), 'new',"
            + " jsonb_build_array(jsonb_build_object('sku', 'A' || g % 50, 'qty', 1 + g % 3))"
            + " FROM generate_series(1, " + orders() + ") g",
        // The row estimate the progress is measured against (autovacuum would analyze later).
        "ANALYZE shop.customers, shop.orders",
        "CREATE PUBLICATION cdc_local_demo FOR TABLE shop.customers, shop.orders",
        "GRANT USAGE ON SCHEMA shop TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA shop TO " + PostgresServer.CDC_USER);
  }

  /** One round of business: new orders, some shipped, some cancelled (deleted), a customer moves. */
  static void makeChanges(PostgresServer pg, int round) {
    long base = orders() + 50_000L + round * 100L;
    pg.superuserSql().execute(
        "INSERT INTO shop.orders SELECT g, 1 + g % 1000, 9.99, 'new', '[]' FROM generate_series(" + base + ", "
            + (base + 99) + ") g",
        "UPDATE shop.orders SET status = 'shipped' WHERE id % 97 = " + (round % 97),
        "DELETE FROM shop.orders WHERE id IN (SELECT id FROM shop.orders WHERE status = 'new' ORDER BY id LIMIT 20)",
        "UPDATE shop.customers SET city = 'Nairobi' WHERE id = " + round);
  }

  /** Prints counts on both sides; true when they agree. */
  static boolean report(PostgresServer pg, StarRocksEmulator sr) throws SQLException {
    StringBuilder line = new StringBuilder();
    boolean same = true;
    try (Connection source = pg.superuserConnection();
        Connection target = DriverManager.getConnection(jdbcUrl(sr), sr.user(), sr.password())) {
      for (String table : TABLES) {
        long inPg = count(source, "shop." + table);
        long inSr = count(target, "shop." + table);
        same &= inPg == inSr;
        line.append(String.format("%-9s postgres %6d  starrocks %6d   ", table, inPg, inSr));
      }
    }
    say(line.toString());
    return same;
  }

  private static long count(Connection c, String table) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1; // the target table does not exist until the job has created it
    }
  }

  /** The demo's own report connection: the emulator speaks no TLS; saying so keeps old MySQL drivers from warning. */
  static String jdbcUrl(StarRocksEmulator sr) {
    return sr.jdbcUrl() + "/?useSSL=false";
  }

  private static void say(String text) {
    System.out.println("[demo] " + text);
  }
}
