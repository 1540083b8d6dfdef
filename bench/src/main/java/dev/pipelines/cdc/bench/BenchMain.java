package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.emulator.EmulatorSettings;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.store.StoreKind;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code hack/bench.sh [--quick] [options]}: snapshot, streaming, freshness, operator scale and memory,
 * each of the pipeline's figures next to the limit measured in the same run. Prints a table, writes
 * {@code bench/target/bench-results.json}, exits 0 unless the run itself broke (then 1, with the reason).
 */
public final class BenchMain {
  /**
   * {@code -Dbench.store=memory|mariadb}: where the emulator keeps rows. Memory by default, so the sink
   * is not the bound (MariaDB takes ~65k narrow rows/s); MariaDB to compare with earlier runs.
   */
  static final StoreKind STORE = StoreKind.parse(System.getProperty("bench.store", "memory"), "-Dbench.store");

  private BenchMain() {}

  public static void main(String[] args) {
    BenchSizes sizes;
    try {
      sizes = BenchSizes.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    BenchPaths paths = BenchPaths.fromSystemProperty();
    Machine machine = Machine.probe();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    long start = System.nanoTime();
    System.out.println("[bench] " + machine + ", sizes " + sizes);
    BenchContext ctx = null;
    Throwable broken = null;
    // The operator phase alone needs neither Postgres nor the emulator (its databases always pass preflight).
    try (PostgresServer pg = sizes.operatorOnly() ? null : PostgresServer.start();
        StarRocksEmulator sr = sizes.operatorOnly() ? null
            : StarRocksEmulator.startOwning(EmulatorSettings.defaults(), STORE)) {
      ctx = new BenchContext(paths, sizes, pg, sr);
      if (!sizes.operatorOnly()) {
        ctx.notes.add("job: its own JVM (BenchJobMain = the production graph in a Flink local mini-cluster), -Xmx"
            + sizes.jobHeap() + "; sink: the StarRocks emulator, not StarRocks, rows in its "
            + (STORE == StoreKind.MEMORY ? "memory store (-Dbench.store=mariadb for MariaDB)" : "MariaDB store"));
        ctx.notes.add("limits (COPY, decoding) are the best of " + PostgresLimits.TRIES + " tries on the same server");
      }
      if (sizes.runs("snapshot") || sizes.runs("streaming")) {
        SnapshotBench.narrow(ctx);
      }
      if (sizes.runs("wide")) {
        SnapshotBench.wide(ctx);
      }
      if (sizes.runs("freshness")) {
        FreshnessBench.run(ctx);
      }
      if (sizes.runs("operator")) {
        if (sizes.apiServer() == BenchSizes.ApiServerKind.REAL) {
          OperatorRealApiBench.run(ctx);
        } else {
          OperatorBench.run(ctx);
        }
      }
    } catch (Throwable e) {
      broken = e;
    }
    if (ctx != null) {
      ctx.loadByPhase.put("end", Machine.load());
      BenchReport report = new BenchReport(startedAt, PostgresLimits.seconds(start), machine, sizes, ctx.loadByPhase,
          ctx.results, ctx.notes);
      Path json = paths.target().resolve("bench-results.json");
      try {
        report.write(json);
        // The same table as Markdown, for docs/performance.md.
        java.nio.file.Files.writeString(paths.target().resolve("bench-results.md"), ResultTable.markdown(ctx.results));
      } catch (Exception e) {
        broken = broken == null ? e : broken;
      }
      System.out.println();
      System.out.println(machine.cores() + " cores, " + machine.memoryMb() + " MB, " + machine.cpu() + " — "
          + machine.host() + ", " + startedAt + ", load average by phase " + ctx.loadByPhase);
      System.out.print(ResultTable.text(ctx.results));
      ctx.notes.forEach(n -> System.out.println("  " + n));
      System.out.println("JSON: " + json + " (Markdown table: bench-results.md beside it)");
    }
    if (broken != null) {
      System.err.println("bench: the run broke: " + broken);
      broken.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
