package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.testsupport.PostgresServer;

/**
 * Postgres' own limits, measured on the same server in the same run: how fast it can read a table
 * ({@code COPY ... TO '/dev/null'}, no client in the way) and how fast it can decode the changes of
 * the stream with pgoutput (a separate slot fed by the same changes). Each is the best of three
 * tries: a limit, not a typical figure.
 */
public final class PostgresLimits {
  static final int TRIES = 3;

  private PostgresLimits() {}

  /** Rows per second of {@code COPY table TO '/dev/null'}. */
  public static double copyRate(PostgresServer pg, String table, long rows) {
    double best = 0;
    for (int i = 0; i < TRIES; i++) {
      long start = System.nanoTime();
      pg.superuserSql().execute("COPY " + table + " TO '/dev/null'");
      best = Math.max(best, rows / seconds(start));
    }
    return best;
  }

  /** A pgoutput slot that sees the same changes as the job's, created before they are written. */
  public static void createDecodeSlot(PostgresServer pg, String slot) {
    pg.superuserSql().execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
  }

  /**
   * Changes per second that the server decodes from {@code slot} with pgoutput (peeked, so each try
   * decodes the same WAL); the slot is dropped afterwards.
   */
  public static double decodeRate(PostgresServer pg, String slot, String publication, long changes) {
    double best = 0;
    for (int i = 0; i < TRIES; i++) {
      long start = System.nanoTime();
      pg.superuserSql().execute("SELECT count(*) FROM pg_logical_slot_peek_binary_changes('" + slot
          + "', NULL, NULL, 'proto_version', '1', 'publication_names', '" + publication + "')");
      best = Math.max(best, changes / seconds(start));
    }
    pg.superuserSql().execute("SELECT pg_drop_replication_slot('" + slot + "')");
    return best;
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
