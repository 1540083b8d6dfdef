package dev.pipelines.cdc.job.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Every split of every table, computed before any is assigned (a pure function of the measured
 * sizes). A relation becomes block ranges of about {@code rowsPerSplit} rows; its last range is
 * open-ended, so rows in blocks added after the measurement are still read. One split reads the
 * whole relation when TID range scans are missing (PostgreSQL before 14 would scan the whole table
 * for each range) or the relation is empty.
 */
public final class SplitPlanner {
  /**
   * Blocks per split when a relation has never been analyzed (no row estimate): 1,024 blocks is
   * 8 MiB at the default block size, about 60-200k narrow rows.
   */
  static final long BLOCKS_WITHOUT_ESTIMATE = 1024;

  private SplitPlanner() {}

  public static List<SnapshotSplit> plan(List<RelationSize> relations, int rowsPerSplit, boolean tidRangeScans,
      String snapshotName) {
    List<SnapshotSplit> splits = new ArrayList<>();
    for (RelationSize r : relations) {
      long per = blocksPerSplit(r, rowsPerSplit);
      long count = !tidRangeScans || r.blocks() <= per ? 1 : (r.blocks() + per - 1) / per;
      for (long i = 0; i < count; i++) {
        long from = i == 0 ? SnapshotSplit.OPEN : i * per;
        long to = i == count - 1 ? SnapshotSplit.OPEN : (i + 1) * per;
        splits.add(new SnapshotSplit(r.relation() + "#" + i, r.table(), r.relation(), from, to, snapshotName));
      }
    }
    return splits;
  }

  static long blocksPerSplit(RelationSize r, int rowsPerSplit) {
    if (r.estimatedRows() <= 0 || r.blocks() <= 0) {
      return BLOCKS_WITHOUT_ESTIMATE;
    }
    double rowsPerBlock = Math.max(1.0, r.estimatedRows() / r.blocks());
    return Math.max(1, (long) Math.ceil(rowsPerSplit / rowsPerBlock));
  }
}
