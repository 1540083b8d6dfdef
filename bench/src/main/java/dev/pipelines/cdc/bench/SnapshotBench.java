package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.StartupMode;

/**
 * Snapshot: COPY's rate, then the job's at parallelism 1 and 2 (each a fresh job into its own
 * database), then the emulator's own Stream Load rate for the same rows. With streaming selected,
 * the parallelism-2 job goes on into the streaming phase before it stops.
 */
final class SnapshotBench {
  static final long TIMEOUT_SECONDS = 1800;

  private SnapshotBench() {}

  static void narrow(BenchContext ctx) throws Exception {
    BenchTable table = BenchTable.narrow();
    long rows = ctx.sizes.rows();
    ctx.phase("snapshot: generate " + rows + " narrow rows");
    table.create(ctx.pg, rows, "bench_narrow");
    double copy = PostgresLimits.copyRate(ctx.pg, table.qualified(), rows);
    Double emulator = null;
    double p1Rate = 0;
    for (int parallelism : new int[] {1, 2}) {
      boolean streamAfter = parallelism == 2 && ctx.sizes.runs("streaming");
      if (!ctx.sizes.runs("snapshot") && !streamAfter) {
        continue;
      }
      String db = "snap_p" + parallelism;
      ctx.phase("snapshot: job, parallelism " + parallelism);
      try (JobRun job = JobRun.start(ctx.paths, db, ctx.config(db, table, db, "bench_narrow", StartupMode.INITIAL,
          DeliverySemantic.AT_LEAST_ONCE, BenchContext.DEFAULT_FLUSH_MILLIS), parallelism,
          BenchContext.DEFAULT_CHECKPOINT_MILLIS, ctx.sizes.jobHeap(), ctx.pg, ctx.sr)) {
        double cpuBefore = job.cpuSeconds();
        long done = ctx.visible.awaitAtLeast(db + ".narrow", rows, TIMEOUT_SECONDS, job);
        double rate = rows / ((done - job.submittedNanos()) / 1e9);
        double cpuPerThousand = (job.cpuSeconds() - cpuBefore) * 1e6 / rows;
        Checksums.awaitEqual(ctx.pg, ctx.sr, table, db, 120);
        ctx.add(Result.of("snapshot", "job, narrow, parallelism " + parallelism, rate, "rows/s")
            .against("COPY TO /dev/null", copy).target(Target.ratioAtLeast(0.25))
            .note(rows + " rows, from job submission to the last row visible"));
        ctx.add(Result.of("cpu", "job CPU per 1,000 snapshot rows, parallelism " + parallelism, cpuPerThousand, "ms")
            .note("user+system time of the job JVM while it snapshots: less noisy than rates on a shared machine"));
        ctx.add(Result.of("memory", "job RSS peak, snapshot p" + parallelism, job.rss().takePeakMb(), "MB"));
        if (parallelism == 1) {
          p1Rate = rate;
          job.close();
          emulator = SinkLimits.measure(ctx.pg, ctx.sr, table, db, Math.min(rows, ctx.sizes.emulatorRows()));
          ctx.sinkNarrowRate = emulator;
          addBytesPerRow(ctx, "narrow");
          // The rows are checked and measured: free the memory store for the next phases.
          ctx.dropDatabase(db);
        }
        if (streamAfter) {
          StreamingBench.run(ctx, job, table, db);
          LargeTransactionBench.run(ctx, job, table, db);
        }
      }
      if (emulator != null && parallelism == 1) {
        ctx.add(Result.of("snapshot", "job, narrow, parallelism 1, vs sink", p1Rate, "rows/s").against("emulator Stream Load", emulator)
            .note("the same rows as JSON straight into the emulator, 100k-row loads; " + SinkLimits.lastCpuNote));
      }
    }
  }

  static void wide(BenchContext ctx) throws Exception {
    BenchTable table = BenchTable.wide();
    long rows = ctx.sizes.wideRows();
    ctx.phase("snapshot: generate " + rows + " wide rows");
    table.create(ctx.pg, rows, "bench_wide");
    double copy = PostgresLimits.copyRate(ctx.pg, table.qualified(), rows);
    String db = "snap_wide";
    ctx.phase("snapshot: job, wide, parallelism 2");
    double rate;
    try (JobRun job = JobRun.start(ctx.paths, db, ctx.config(db, table, db, "bench_wide", StartupMode.INITIAL,
        DeliverySemantic.AT_LEAST_ONCE, BenchContext.DEFAULT_FLUSH_MILLIS), 2,
        BenchContext.DEFAULT_CHECKPOINT_MILLIS, ctx.sizes.jobHeap(), ctx.pg, ctx.sr)) {
      double cpuBefore = job.cpuSeconds();
      long done = ctx.visible.awaitAtLeast(db + ".wide", rows, TIMEOUT_SECONDS, job);
      rate = rows / ((done - job.submittedNanos()) / 1e9);
      ctx.add(Result.of("cpu", "job CPU per 1,000 wide snapshot rows", (job.cpuSeconds() - cpuBefore) * 1e6 / rows,
          "ms"));
      Checksums.awaitEqual(ctx.pg, ctx.sr, table, db, 120);
      ctx.add(Result.of("snapshot", "job, wide (30 columns), parallelism 2", rate, "rows/s")
          .against("COPY TO /dev/null", copy).target(Target.ratioAtLeast(0.25)).note(rows + " rows"));
      ctx.add(Result.of("memory", "job RSS peak, wide snapshot", job.rss().takePeakMb(), "MB"));
    }
    double emulator = SinkLimits.measure(ctx.pg, ctx.sr, table, db, Math.min(rows, ctx.sizes.emulatorRows() / 4));
    ctx.add(Result.of("snapshot", "job, wide, parallelism 2, vs sink", rate, "rows/s")
        .against("emulator Stream Load", emulator).note(SinkLimits.lastCpuNote));
    addBytesPerRow(ctx, "wide");
    ctx.dropDatabase(db);
  }

  private static void addBytesPerRow(BenchContext ctx, String table) {
    if (!Double.isNaN(SinkLimits.lastBytesPerRow)) {
      ctx.add(Result.of("memory", "emulator memory store, heap per " + table + " row", SinkLimits.lastBytesPerRow,
          "bytes").note("heap after full GC, after minus before the sink-limit load; the store's bound is -D"
          + dev.pipelines.cdc.emulator.store.memory.MemoryStore.MAX_BYTES_PROPERTY));
    }
  }
}
