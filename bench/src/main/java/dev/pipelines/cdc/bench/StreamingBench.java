package dev.pipelines.cdc.bench;

/**
 * Streaming, on the job that has just finished its snapshot: a writer commits inserts, updates and
 * deletes as fast as Postgres takes them; our rate is changes / (first commit → the sink holding the
 * final state). The limit is pgoutput decoding the same changes from a second slot. A third slot feeds
 * the prototype decoder of {@link OwnDecoderBench}.
 */
final class StreamingBench {
  private StreamingBench() {}

  static void run(BenchContext ctx, JobRun job, BenchTable table, String db) throws Exception {
    BenchSizes s = ctx.sizes;
    ctx.phase("streaming: " + s.inserts() + " inserts, " + s.updates() + " updates, " + s.deletes() + " deletes");
    job.rss().takePeakMb();
    // The source switches from snapshot to stream only after a checkpoint that follows the last chunk
    // (parallelism > 1): measure that switch on its own, so the rate below is the sustained one.
    String qualified = db + "." + table.name();
    long switchStart = System.nanoTime();
    long markers = 0;
    long before = ctx.visible.count(qualified);
    while (ctx.visible.count(qualified) == before) {
      if (PostgresLimits.seconds(switchStart) > SnapshotBench.TIMEOUT_SECONDS) {
        throw new IllegalStateException("the stream did not start within " + SnapshotBench.TIMEOUT_SECONDS + " s");
      }
      job.checkAlive();
      ctx.pg.superuserSql().execute("UPDATE public.narrow SET n = n + 1 WHERE id = " + (s.rows() / 2 + 1));
      markers++;
      Thread.sleep(100);
    }
    double switchSeconds = PostgresLimits.seconds(switchStart);
    ctx.visible.awaitAtLeast(qualified, before + markers, 300, job);
    PostgresLimits.createDecodeSlot(ctx.pg, "bench_decode");
    OwnDecoderBench.createSlot(ctx.pg); // the prototype decoder's (OwnDecoderBench): the same changes
    ctx.visible.reset(qualified);
    double cpuBefore = job.cpuSeconds();
    long start = System.nanoTime();
    long changes = ChangeWriter.write(ctx.pg, s.rows(), s.inserts(), s.updates(), s.deletes());
    double writer = changes / PostgresLimits.seconds(start);
    long done = ctx.visible.awaitAtLeast(db + "." + table.name(), changes, SnapshotBench.TIMEOUT_SECONDS, job);
    double rate = changes / ((done - start) / 1e9);
    Checksums.awaitEqual(ctx.pg, ctx.sr, table, db, 120);
    double streamingRss = job.rss().takePeakMb();
    double cpuPerThousand = (job.cpuSeconds() - cpuBefore) * 1e6 / changes;
    double slotLag = slotLagSeconds(ctx, job); // after the CPU figure: the wait is idle time
    double decode = PostgresLimits.decodeRate(ctx.pg, "bench_decode", "bench_narrow", changes);
    ctx.add(Result.of("streaming", "job, end to end, parallelism 2", rate, "changes/s")
        .against("pgoutput decoding", decode).target(Target.ratioAtLeast(0.25))
        .note(changes + " row changes in " + (s.inserts() + 999) / 1000 + " transactions; the writer alone: "
            + Format.number(writer) + " changes/s"));
    if (ctx.sinkNarrowRate != null) {
      ctx.add(Result.of("streaming", "job, end to end, parallelism 2, vs sink", rate, "changes/s")
          .against("emulator Stream Load (narrow rows)", ctx.sinkNarrowRate)
          .note("the sink's own rate measured in the snapshot phase of this run"));
    }
    ctx.add(Result.of("cpu", "job CPU per 1,000 streamed changes", cpuPerThousand, "ms"));
    ctx.add(Result.of("streaming", "snapshot done → stream flowing (checkpoint-bound)", switchSeconds, "s")
        .note("checkpointInterval " + BenchContext.DEFAULT_CHECKPOINT_MILLIS / 1000 + " s"));
    ctx.add(Result.of("slot", "slot lag after the last change, in checkpoint intervals",
            slotLag / (BenchContext.DEFAULT_CHECKPOINT_MILLIS / 1000.0), "intervals").target(Target.atMost(2))
        .note(Format.number(slotLag) + " s from the sink holding the last change to the slot confirming it"
            + " (checkpointInterval " + BenchContext.DEFAULT_CHECKPOINT_MILLIS / 1000 + " s)"));
    ctx.add(Result.of("memory", "job RSS peak, streaming", streamingRss, "MB").target(Target.atMost(600))
        .note("JVM high-water mark so far " + Format.number(job.rss().highWaterMarkMb()) + " MB"));
    // Prototype: the same changes through a pgoutput decoder of our own, against the same decoding figure.
    OwnDecoderBench.run(ctx, "bench_narrow", changes, decode);
  }

  /**
   * Seconds from now (the sink holds every change) until the job's slot confirms the WAL position
   * after the writer's last commit: the slot follows completed checkpoints one behind, so at most two
   * checkpoint intervals and a heartbeat.
   */
  private static double slotLagSeconds(BenchContext ctx, JobRun job) throws InterruptedException {
    String end = String.valueOf(ctx.pg.superuserSql().scalar("SELECT pg_current_wal_lsn()::text"));
    long start = System.nanoTime();
    while (true) {
      Object behind = ctx.pg.superuserSql().scalar("SELECT confirmed_flush_lsn < '" + end + "'::pg_lsn"
          + " FROM pg_replication_slots WHERE slot_name = '" + job.slot() + "'");
      if (Boolean.FALSE.equals(behind) || "f".equals(String.valueOf(behind))) {
        return PostgresLimits.seconds(start);
      }
      if (PostgresLimits.seconds(start) > 5 * BenchContext.DEFAULT_CHECKPOINT_MILLIS / 1000.0) {
        throw new IllegalStateException("the slot did not confirm the last change within five checkpoint intervals");
      }
      job.checkAlive();
      Thread.sleep(200);
    }
  }
}
