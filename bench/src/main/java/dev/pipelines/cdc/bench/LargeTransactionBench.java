package dev.pipelines.cdc.bench;

import java.sql.Connection;
import java.sql.Statement;

/**
 * One transaction as large as the snapshot table (1,000,000 inserts by default), streamed by the job
 * that has just streamed the small ones, with its heap capped as in every phase ({@code --job-heap}):
 * the job's RSS while it passes, and the sink compared with the source over every row and column.
 * What should bound the memory: pgoutput (protocol 1) sends a transaction only once committed, change
 * by change, and every stage after it holds a bounded queue or buffer (see {@code LargeTransactionsIT}).
 */
final class LargeTransactionBench {
  private LargeTransactionBench() {}

  static void run(BenchContext ctx, JobRun job, BenchTable table, String db) throws Exception {
    BenchSizes s = ctx.sizes;
    long rows = s.rows();
    long from = s.rows() + s.inserts() + 1; // above every id the snapshot and the streaming phase wrote
    ctx.phase("one transaction of " + rows + " inserts");
    String qualified = db + "." + table.name();
    job.rss().takePeakMb();
    ctx.visible.reset(qualified);
    long start = System.nanoTime();
    try (Connection c = ctx.pg.superuserConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute("INSERT INTO public.narrow SELECT g, g % 1000, md5(g::text), now(), g / 3.0"
          + " FROM generate_series(" + from + ", " + (from + rows - 1) + ") g");
      c.commit();
    }
    double commitSeconds = PostgresLimits.seconds(start);
    long done = ctx.visible.awaitAtLeast(qualified, rows, SnapshotBench.TIMEOUT_SECONDS, job);
    double rate = rows / ((done - start) / 1e9);
    Checksums.awaitEqual(ctx.pg, ctx.sr, table, db, 300);
    double rss = job.rss().takePeakMb();
    ctx.add(Result.of("streaming", "one transaction of " + Format.number(rows) + " inserts, end to end", rate,
            "changes/s")
        .note("from the INSERT's start to the sink holding the last row; the INSERT and COMMIT took "
            + Format.number(commitSeconds) + " s; sink equals source after it"));
    ctx.add(Result.of("memory", "job RSS peak, one transaction of " + Format.number(rows) + " rows", rss, "MB")
        .target(Target.atMost(600)).note("-Xmx" + s.jobHeap() + "; JVM high-water mark so far "
            + Format.number(job.rss().highWaterMarkMb()) + " MB"));
  }
}
