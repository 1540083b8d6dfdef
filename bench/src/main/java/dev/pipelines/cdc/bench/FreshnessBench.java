package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.emulator.load.RowChange;
import dev.pipelines.cdc.emulator.load.VisibleChangesListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Freshness: single-row commits at a steady low rate; for each, the time from its commit returning to
 * the writer to the row becoming visible in the emulator's store (told by the store itself right after
 * its commit, so no polling delay is added). One job per sink setting.
 */
final class FreshnessBench {
  /** A sink setting under test. */
  record Mode(String name, String label, DeliverySemantic semantic, long flushMillis, long checkpointMillis,
      Target p50, Target p99) {}

  private FreshnessBench() {}

  static List<Mode> modes() {
    return List.of(
        mode("default", "at-least-once, default flush (flushInterval 5s)", DeliverySemantic.AT_LEAST_ONCE,
            BenchContext.DEFAULT_FLUSH_MILLIS, BenchContext.DEFAULT_CHECKPOINT_MILLIS, null, null),
        mode("flush1s", "at-least-once, flushInterval 1s (the connector's own minimum)",
            DeliverySemantic.AT_LEAST_ONCE, 1_000, BenchContext.DEFAULT_CHECKPOINT_MILLIS, null, null),
        mode("lowlatency", "at-least-once, low latency (flushInterval 200ms: a checkpoint every 200 ms loads)",
            DeliverySemantic.AT_LEAST_ONCE, 200, BenchContext.DEFAULT_CHECKPOINT_MILLIS,
            Target.atMost(300), Target.atMost(1000)),
        mode("exactlyonce", "exactly-once (checkpointInterval 5s)", DeliverySemantic.EXACTLY_ONCE,
            BenchContext.DEFAULT_FLUSH_MILLIS, 5_000, null, null));
  }

  /** The checkpoint interval is the one the operator would set for this flush setting (FlushPolicy). */
  private static Mode mode(String name, String label, DeliverySemantic semantic, long flushMillis,
      long checkpointMillis, Target p50, Target p99) {
    return new Mode(name, label, semantic, flushMillis,
        FlushPolicy.checkpointMillis(checkpointMillis, semantic, flushMillis), p50, p99);
  }

  static void run(BenchContext ctx) throws Exception {
    BenchTable table = BenchTable.fresh();
    table.create(ctx.pg, 0, "bench_fresh");
    long nextId = 1;
    for (Mode mode : modes()) {
      String db = "fresh_" + mode.name();
      ctx.phase("freshness: " + mode.label());
      Map<Long, Long> visibleAt = new ConcurrentHashMap<>();
      VisibleChangesListener listener = (qualified, changes) -> {
        if (qualified.equals(db + ".fresh")) {
          long now = System.nanoTime();
          for (RowChange c : changes) {
            visibleAt.putIfAbsent(Long.parseLong(c.values().get("id")), now);
          }
        }
      };
      ctx.sr.addVisibleChangesListener(listener);
      try (JobRun job = JobRun.start(ctx.paths, db, ctx.config(db, table, db, "bench_fresh", StartupMode.LATEST_OFFSET,
          mode.semantic(), mode.flushMillis()), 1, mode.checkpointMillis(), ctx.sizes.jobHeap(), ctx.pg, ctx.sr);
          Connection c = ctx.pg.superuserConnection();
          PreparedStatement insert = c.prepareStatement("INSERT INTO public.fresh VALUES (?, 1, 'x')")) {
        // Warm up: the stream is open once a row arrives.
        long warmDeadline = System.nanoTime() + 180_000_000_000L;
        long firstWarm = nextId;
        while (visibleAt.keySet().stream().noneMatch(id -> id >= firstWarm)) {
          if (System.nanoTime() > warmDeadline) {
            throw new IllegalStateException(db + ": no row arrived within 180 s; see the job log");
          }
          job.checkAlive();
          insert.setLong(1, nextId++);
          insert.executeUpdate();
          Thread.sleep(200);
        }
        job.rss().takePeakMb();
        int samples = ctx.sizes.freshnessSamples();
        long periodNanos = 1_000_000_000L / ctx.sizes.freshnessPerSecond();
        long[] ids = new long[samples];
        long[] committedAt = new long[samples];
        long next = System.nanoTime();
        for (int i = 0; i < samples; i++) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          ids[i] = nextId++;
          insert.setLong(1, ids[i]);
          insert.executeUpdate();
          committedAt[i] = System.nanoTime();
          next += periodNanos;
        }
        long deadline = System.nanoTime() + (mode.checkpointMillis() + mode.flushMillis()) * 3_000_000L + 60_000_000_000L;
        while (!visibleAt.keySet().containsAll(idList(ids))) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(db + ": only " + idList(ids).stream().filter(visibleAt::containsKey).count()
                + " of " + samples + " rows arrived");
          }
          job.checkAlive();
          Thread.sleep(50);
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
          latencies.add((visibleAt.get(ids[i]) - committedAt[i]) / 1e6);
        }
        Percentiles p = Percentiles.of(latencies);
        String note = samples + " commits at " + ctx.sizes.freshnessPerSecond() + "/s; max " + Format.number(p.max())
            + " ms";
        ctx.add(withTarget(Result.of("freshness", mode.label() + ", p50", p.p50(), "ms"), mode.p50()).note(note));
        ctx.add(Result.of("freshness", mode.label() + ", p95", p.p95(), "ms"));
        ctx.add(withTarget(Result.of("freshness", mode.label() + ", p99", p.p99(), "ms"), mode.p99()));
        ctx.add(Result.of("memory", "job RSS peak, freshness " + mode.name(), job.rss().takePeakMb(), "MB"));
      } finally {
        ctx.sr.removeVisibleChangesListener(listener);
      }
    }
  }

  private static Result withTarget(Result r, Target t) {
    return t == null ? r : r.target(t);
  }

  private static List<Long> idList(long[] ids) {
    List<Long> list = new ArrayList<>(ids.length);
    for (long id : ids) {
      list.add(id);
    }
    return list;
  }
}
