package dev.pipelines.cdc.testsupport.compare;

import dev.pipelines.cdc.testsupport.Sql.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The passing condition of every test that runs the job: each compared StarRocks table equals its
 * Postgres table over every row and column (0 lost, 0 extra, 0 different, and not empty), awaited
 * because loads land asynchronously. Plain Java (no assertion library), so that any module can use it.
 */
public final class SinkEqualsSource {
  private static final Duration POLL = Duration.ofSeconds(1);

  private SinkEqualsSource() {}

  /**
   * Compares until every table is equal, at most {@code atMost}.
   *
   * @return the comparisons that were all equal
   * @throws AssertionError naming each table's last difference (or the last error reading them)
   */
  public static List<TableChecksum.Result> await(ConnectionSource source, ConnectionSource sink, Duration atMost,
      List<ComparedTable> tables) {
    long deadline = System.nanoTime() + atMost.toNanos();
    String last = "never compared";
    while (true) {
      try {
        List<TableChecksum.Result> results = compare(source, sink, tables);
        if (allEqual(results)) {
          return results;
        }
        last = describe(tables, results);
      } catch (SQLException e) {
        // A server restarting (a fault test) or a table not created yet: compare again.
        last = "cannot compare: " + e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("sink did not equal source within " + atMost + ": " + last);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while comparing: " + last, e);
      }
    }
  }

  /** One comparison of every table, now. */
  public static List<TableChecksum.Result> compare(ConnectionSource source, ConnectionSource sink,
      List<ComparedTable> tables) throws SQLException {
    try (Connection p = source.open(); Connection s = sink.open()) {
      List<TableChecksum.Result> results = new ArrayList<>();
      for (ComparedTable t : tables) {
        results.add(TableChecksum.compare(p, t.source(), s, t.target(), t.columns(), t.keyColumns()));
      }
      return results;
    }
  }

  /** Equal and not empty: an empty source would make an unloaded sink look right. */
  public static boolean allEqual(List<TableChecksum.Result> results) {
    return results.stream().allMatch(r -> r.sourceRows() > 0 && r.equal());
  }

  private static String describe(List<ComparedTable> tables, List<TableChecksum.Result> results) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(tables.get(i).source()).append(": ").append(results.get(i));
    }
    return b.toString();
  }
}
