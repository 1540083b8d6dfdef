package dev.pipelines.cdc.config.progress;

/**
 * How far along a snapshot is, in whole percent: rows copied of PostgreSQL's row estimate when there
 * is one, else splits done of all splits. Never 100 before every split is read (the estimate trails
 * the table, so rows copied may pass it), 100 once they are.
 */
public final class SnapshotPercent {
  private SnapshotPercent() {}

  /**
   * @param rowsEstimated the captured tables' row estimate, {@code <= 0} when unknown
   *     ({@code RowEstimates.UNKNOWN}) or empty
   */
  public static int of(SnapshotFigures figures, long rowsEstimated) {
    if (figures.done()) {
      return 100;
    }
    long percent;
    if (rowsEstimated > 0) {
      percent = figures.rowsCopied() * 100 / rowsEstimated;
    } else if (figures.splitsTotal() > 0) {
      percent = (long) figures.splitsDone() * 100 / figures.splitsTotal();
    } else {
      percent = 0;
    }
    return (int) Math.max(0, Math.min(99, percent));
  }
}
