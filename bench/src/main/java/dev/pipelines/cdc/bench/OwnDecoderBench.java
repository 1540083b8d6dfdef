package dev.pipelines.cdc.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.pipelines.cdc.bench.decoder.ChangeKind;
import dev.pipelines.cdc.bench.decoder.CountingRowSink;
import dev.pipelines.cdc.bench.decoder.PgOutputDecoder;
import dev.pipelines.cdc.bench.decoder.PgOutputStream;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prototype (not the pipeline): what a pgoutput decoder of our own would gain over flink-cdc/Debezium for the
 * streaming phase. A third pgoutput slot, created beside {@code bench_decode} before the writer commits, is
 * streamed after the job has caught up, by {@link PgOutputDecoder} on one thread of this JVM (no Flink, no
 * sink: rows go into a dropped Stream Load body), until it has seen every row change the writer committed.
 * Before that the same messages, peeked from the slot, are decoded from memory (no socket): the decoder's
 * own cost. Counts by kind and one row of each kind are checked against Postgres; a mismatch fails the run.
 */
final class OwnDecoderBench {
  static final String SLOT = "bench_own_decoder";
  /**
   * {@code -Dbench.decoder.timezone}: the walsender session's TimeZone, which timestamptz text is printed in.
   * UTC by default (as the production COPY path pins it: the offset is +00, no arithmetic); another zone makes
   * the decoder move every timestamptz to UTC (and the spot check proves it did it right).
   */
  static final String TIME_ZONE = System.getProperty("bench.decoder.timezone", "UTC");
  private static final long TIMEOUT_SECONDS = 900;

  private OwnDecoderBench() {}

  static void createSlot(PostgresServer pg) {
    PostgresLimits.createDecodeSlot(pg, SLOT);
  }

  /** What one measured pass over the changes cost its thread. */
  private record Pass(double seconds, double cpuMs, double userMs, long allocatedBytes, CountingRowSink sink,
      long messages, long bytes, double walsenderCpuSeconds, double firstMessageSeconds) {}

  /**
   * @param changes the row changes the writer committed (inserts + updates + deletes of {@code sizes})
   * @param decode the server's pgoutput decoding rate of the same changes (changes/s), measured just before
   */
  static void run(BenchContext ctx, String publication, long changes, double decode) throws Exception {
    BenchSizes s = ctx.sizes;
    if (s.inserts() + s.updates() + s.deletes() != changes) {
      throw new IllegalStateException("the writer committed " + changes + " changes, the sizes say "
          + (s.inserts() + s.updates() + s.deletes()));
    }
    ctx.phase("streaming: prototype pgoutput decoder (slot " + SLOT + ", TimeZone " + TIME_ZONE + ")");
    try {
      Pass replay = replay(ctx.pg, publication, s);
      Pass stream = stream(ctx.pg, publication, s);
      spotCheck(ctx.pg, stream.sink(), s);
      double rate = changes / stream.seconds();
      double cpuPerThousand = stream.cpuMs() * 1000 / changes;
      ctx.add(Result.of("streaming", "prototype: own pgoutput decoder → sink rows (bench JVM, no Flink, no sink)",
          rate, "changes/s").against("pgoutput decoding", decode)
          .note(changes + " row changes (" + stream.sink().count(ChangeKind.INSERT) + " I, "
              + stream.sink().count(ChangeKind.UPDATE) + " U, " + stream.sink().count(ChangeKind.DELETE)
              + " D, counts and one row of each checked against Postgres) over one replication connection"
              + " (pgjdbc, proto_version 1), from connecting to the last change (the first message after "
              + Format.number(stream.firstMessageSeconds() * 1000) + " ms); " + stream.messages()
              + " messages, " + Format.number(stream.bytes() / (double) changes) + " pgoutput bytes and "
              + Format.number(stream.sink().rowBytes() / (double) changes) + " JSON bytes a change; walsender CPU "
              + Format.number(stream.walsenderCpuSeconds() * 1e6 / changes) + " ms per 1,000; TimeZone "
              + TIME_ZONE));
      ctx.add(Result.of("cpu", "prototype: decoder CPU per 1,000 changes", cpuPerThousand, "ms")
          .note("the decoding thread (pgjdbc reads + pgoutput → JSON rows), ThreadMXBean, "
              + Format.number((stream.cpuMs() - stream.userMs()) * 1000 / changes) + " ms of it in the kernel"
              + " (socket reads and polls); it allocated "
              + Format.number(stream.allocatedBytes() / (double) changes) + " bytes a change; compare job CPU per"
              + " 1,000 streamed changes (the whole job JVM)"));
      ctx.add(Result.of("streaming", "prototype: decode only (the same messages from memory, no socket)",
          changes / replay.seconds(), "changes/s").against("pgoutput decoding", decode)
          .note(Format.number(replay.cpuMs() * 1000 / changes) + " ms CPU per 1,000 changes, "
              + Format.number(replay.allocatedBytes() / (double) changes) + " bytes allocated a change; best of "
              + PostgresLimits.TRIES + " passes over " + replay.messages() + " messages peeked from the slot"));
    } finally {
      dropSlot(ctx.pg);
    }
  }

  /** Peeks the slot's messages (untimed) and decodes them from memory: the decoder's own cost, JIT warmed. */
  private static Pass replay(PostgresServer pg, String publication, BenchSizes s) throws SQLException {
    List<byte[]> messages = new ArrayList<>();
    long bytes = 0;
    try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = '" + TIME_ZONE.replace("'", "''") + "'");
      c.setAutoCommit(false);
      st.setFetchSize(10_000);
      try (ResultSet rs = st.executeQuery("SELECT data FROM pg_logical_slot_peek_binary_changes('" + SLOT
          + "', NULL, NULL, 'proto_version', '1', 'publication_names', '" + publication + "')")) {
        while (rs.next()) {
          byte[] m = rs.getBytes(1);
          messages.add(m);
          bytes += m.length;
        }
      }
      c.commit();
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Pass best = null;
    for (int i = 0; i < PostgresLimits.TRIES; i++) {
      CountingRowSink sink = watching(new CountingRowSink(), s);
      PgOutputDecoder decoder = new PgOutputDecoder(sink);
      long cpu = threads.getCurrentThreadCpuTime();
      long user = threads.getCurrentThreadUserTime();
      long alloc = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      for (byte[] m : messages) {
        decoder.decode(m, 0, m.length);
      }
      Pass pass = new Pass(PostgresLimits.seconds(start), (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
          (threads.getCurrentThreadUserTime() - user) / 1e6, threads.getCurrentThreadAllocatedBytes() - alloc, sink,
          messages.size(), bytes, 0, 0);
      checkCounts("replayed", sink, s);
      if (best == null || pass.seconds() < best.seconds()) {
        best = pass;
      }
    }
    return best;
  }

  /** Streams the slot on a thread of its own until the writer's changes are all decoded. */
  private static Pass stream(PostgresServer pg, String publication, BenchSizes s) throws Exception {
    long expected = s.inserts() + s.updates() + s.deletes();
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "own-pgoutput-decoder"));
    try {
      return thread.submit(() -> {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CountingRowSink sink = watching(new CountingRowSink(), s);
        PgOutputDecoder decoder = new PgOutputDecoder(sink);
        try (Connection sql = pg.superuserConnection()) {
          long cpu = threads.getCurrentThreadCpuTime();
          long user = threads.getCurrentThreadUserTime();
          long alloc = threads.getCurrentThreadAllocatedBytes();
          long start = System.nanoTime();
          try (PgOutputStream stream = PgOutputStream.open(pg.jdbcUrl(), PostgresServer.SUPERUSER, "", SLOT,
              publication, null, TIME_ZONE)) {
            long walsender = walsenderPid(sql);
            stream.pump(decoder, () -> sink.changes() >= expected, start + TIMEOUT_SECONDS * 1_000_000_000L);
            Pass pass = new Pass(PostgresLimits.seconds(start), (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
                (threads.getCurrentThreadUserTime() - user) / 1e6, threads.getCurrentThreadAllocatedBytes() - alloc,
                sink, stream.messages(), stream.bytes(),
                Machine.cpuSeconds(walsender), (stream.firstMessageNanos() - start) / 1e9);
            // Nothing more may follow: the writer committed exactly these changes.
            stream.drain(decoder, 1_000_000_000L);
            stream.confirm();
            checkCounts("streamed", sink, s);
            return pass;
          }
        }
      }).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.shutdownNow();
    }
  }

  private static long walsenderPid(Connection sql) throws SQLException {
    try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT active_pid FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  /** Watches the highest inserted id, the last updated id and the lowest deleted id (see ChangeWriter). */
  private static CountingRowSink watching(CountingRowSink sink, BenchSizes s) {
    sink.watch(ChangeKind.INSERT, "{\"id\":" + (s.rows() + s.inserts()) + ",");
    if (s.updates() > 0) {
      sink.watch(ChangeKind.UPDATE, "{\"id\":" + s.updates() + ",");
    }
    if (s.deletes() > 0) {
      sink.watch(ChangeKind.DELETE, "{\"id\":" + (s.rows() - s.deletes() + 1) + ",");
    }
    return sink;
  }

  private static void checkCounts(String how, CountingRowSink sink, BenchSizes s) {
    long[] got = {sink.count(ChangeKind.INSERT), sink.count(ChangeKind.UPDATE), sink.count(ChangeKind.DELETE),
        sink.count(ChangeKind.UPDATE_OLD_KEY_DELETE), sink.partialRows()};
    long[] want = {s.inserts(), s.updates(), s.deletes(), 0, 0};
    if (!java.util.Arrays.equals(got, want)) {
      throw new IllegalStateException("the prototype decoder " + how + " inserts/updates/deletes/key changes/partial"
          + " rows " + java.util.Arrays.toString(got) + ", the writer committed " + java.util.Arrays.toString(want));
    }
  }

  /** One decoded row of each kind equals what Postgres holds now (the JSON built from a query, compared exactly). */
  private static void spotCheck(PostgresServer pg, CountingRowSink sink, BenchSizes s) {
    check(ChangeKind.INSERT, sink, expectedUpsert(pg, s.rows() + s.inserts()));
    if (s.updates() > 0) {
      check(ChangeKind.UPDATE, sink, expectedUpsert(pg, s.updates()));
    }
    if (s.deletes() > 0) {
      long id = s.rows() - s.deletes() + 1;
      Object gone = pg.superuserSql().scalar("SELECT count(*) FROM public.narrow WHERE id = " + id);
      if (((Number) gone).longValue() != 0) {
        throw new IllegalStateException("id " + id + " should be deleted");
      }
      check(ChangeKind.DELETE, sink, "{\"id\":" + id + ",\"__op\":1}");
    }
  }

  private static void check(ChangeKind kind, CountingRowSink sink, String expected) {
    String got = sink.watchedRow(kind);
    if (!expected.equals(got)) {
      throw new IllegalStateException("the prototype decoder's " + kind + " row differs from Postgres:\n  decoded  "
          + got + "\n  expected " + expected);
    }
  }

  private static String expectedUpsert(PostgresServer pg, long id) {
    List<Map<String, Object>> rows = pg.superuserSql().rows("SELECT v, s, n::text AS n,"
        + " to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS ts FROM public.narrow WHERE id = " + id);
    if (rows.size() != 1) {
      throw new IllegalStateException("id " + id + " is not in public.narrow");
    }
    Map<String, Object> r = rows.get(0);
    String ts = (String) r.get("ts");
    if (ts.endsWith(".000000")) {
      ts = ts.substring(0, ts.length() - 7); // Postgres prints no fraction for a whole second
    }
    return "{\"id\":" + id + ",\"v\":" + r.get("v") + ",\"s\":\"" + quote((String) r.get("s")) + "\",\"ts\":\"" + ts
        + "\",\"n\":\"" + r.get("n") + "\",\"__op\":0}";
  }

  private static String quote(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }

  /** Drops the slot once its walsender has gone (closing the stream does not wait for it). */
  private static void dropSlot(PostgresServer pg) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
            + " WHERE slot_name = '" + SLOT + "'");
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
