package dev.pipelines.cdc.demo;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.emulator.EmulatorSettings;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.PipelineJobMain;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A quick throughput check, not a benchmark suite: in one run, the job's snapshot rows/s next to
 * Postgres' own {@code COPY ... TO '/dev/null'}, and the job's streaming changes/s next to logical
 * decoding of the same changes ({@code pg_logical_slot_get_binary_changes}). The sink is the StarRocks
 * emulator, so the job's figures include the emulator's cost, not StarRocks'.
 */
public final class ThroughputCheck {
  private ThroughputCheck() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    long changes = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
    try (PostgresServer pg = PostgresServer.start();
        StarRocksEmulator sr = StarRocksEmulator.startWithOwnMariaDb(EmulatorSettings.defaults())) {
      pg.superuserSql().execute(
          "CREATE TABLE public.bench (id bigint PRIMARY KEY, v int, s varchar(32), ts timestamptz, n numeric(12,4))",
          "INSERT INTO public.bench SELECT g, g % 1000, md5(g::text), now(), g / 7.0 FROM generate_series(1, " + rows + ") g",
          "CREATE PUBLICATION bench_pub FOR TABLE public.bench");
      pg.grantCaptureOn("public.bench");
      double copyRate = rate(rows, () -> pg.superuserSql().execute("COPY public.bench TO '/dev/null'"));

      PipelineConfig config = PipelineConfig.of(new PipelineId("bench", "throughput"),
          new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of("public.bench"), List.of(),
              "bench_slot", "bench_pub", StartupMode.INITIAL, 8096),
          new StarRocksSinkConfig(LocalDemo.jdbcUrl(sr), List.of(sr.loadUrl()), "bench", List.of(), true,
              DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
      env.enableCheckpointing(5000);
      PipelineJobMain.prepare(env, config,
          new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, sr.user(), sr.password()));
      long start = System.nanoTime();
      JobClient job = env.executeAsync("throughput");
      awaitCount(sr, rows);
      double snapshotRate = rows / seconds(start);

      pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('bench_decode', 'pgoutput')");
      long writes = System.nanoTime();
      for (long base = rows + 1; base <= rows + changes; base += 1000) {
        pg.superuserSql().execute("INSERT INTO public.bench SELECT g, 1, 'x', now(), 1 FROM generate_series("
            + base + ", " + Math.min(base + 999, rows + changes) + ") g");
      }
      awaitCount(sr, rows + changes);
      double streamRate = changes / seconds(writes);
      double decodeRate = rate(changes, () -> pg.superuserSql().execute("SELECT count(*) FROM"
          + " pg_logical_slot_get_binary_changes('bench_decode', NULL, NULL, 'proto_version', '1',"
          + " 'publication_names', 'bench_pub')"));
      job.cancel().get();

      System.out.printf("%nthroughput (%d cores, %d MB heap max), %,d rows then %,d inserts%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rows, changes);
      System.out.printf("  snapshot : job %,10.0f rows/s   | COPY TO /dev/null %,12.0f rows/s   | ratio %.3f%n",
          snapshotRate, copyRate, snapshotRate / copyRate);
      System.out.printf("  streaming: job %,10.0f changes/s | logical decoding  %,12.0f changes/s | ratio %.3f%n",
          streamRate, decodeRate, streamRate / decodeRate);
      System.out.println("  (job figures include Flink's start-up and the StarRocks emulator as sink, flushing every 1 s)");
    }
  }

  private static void awaitCount(StarRocksEmulator sr, long expected) throws Exception {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(LocalDemo.jdbcUrl(sr), sr.user(), sr.password());
          Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM bench.bench")) {
        rs.next();
        if (rs.getLong(1) >= expected) {
          return;
        }
      } catch (java.sql.SQLException notYet) {
        // the table appears when the job has created it
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("StarRocks did not reach " + expected + " rows within 10 minutes");
  }

  private static double rate(long count, Runnable work) {
    long start = System.nanoTime();
    work.run();
    return count / seconds(start);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
