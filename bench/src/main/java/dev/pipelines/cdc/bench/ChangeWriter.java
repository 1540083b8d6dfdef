package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Commits the streaming phase's changes into {@code public.narrow} as fast as Postgres takes them, in
 * rounds of one transaction each: 1,000 new rows, 250 updated and 100 deleted snapshot rows (scaled
 * to the configured totals). Updates and deletes touch disjoint snapshot ids, so the final state is
 * known and every change is one row change in the sink.
 */
public final class ChangeWriter {
  static final int INSERTS_PER_ROUND = 1_000;

  private ChangeWriter() {}

  /** @return the number of row changes committed */
  public static long write(PostgresServer pg, long snapshotRows, long inserts, long updates, long deletes)
      throws SQLException {
    long rounds = Math.max(1, (inserts + INSERTS_PER_ROUND - 1) / INSERTS_PER_ROUND);
    long inserted = 0;
    long updated = 0;
    long deleted = 0;
    try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (long r = 0; r < rounds; r++) {
        long ins = Math.min(INSERTS_PER_ROUND, inserts - inserted);
        long upd = (updates * (r + 1)) / rounds - updated;
        long del = (deletes * (r + 1)) / rounds - deleted;
        if (ins > 0) {
          long from = snapshotRows + inserted + 1;
          st.execute("INSERT INTO public.narrow SELECT g, g % 1000, md5(g::text), now(), g / 3.0"
              + " FROM generate_series(" + from + ", " + (from + ins - 1) + ") g");
        }
        if (upd > 0) {
          // ids 1.. upwards: v and s change, so the checksum sees the update
          st.execute("UPDATE public.narrow SET v = v + 1, s = 'updated' WHERE id BETWEEN " + (updated + 1)
              + " AND " + (updated + upd));
        }
        if (del > 0) {
          // from the top of the snapshot downwards, never an updated id
          st.execute("DELETE FROM public.narrow WHERE id BETWEEN " + (snapshotRows - deleted - del + 1)
              + " AND " + (snapshotRows - deleted));
        }
        c.commit();
        inserted += ins;
        updated += upd;
        deleted += del;
      }
    }
    return inserted + updated + deleted;
  }
}
