package dev.pipelines.cdc.demo;

import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.config.progress.SnapshotFigures;
import dev.pipelines.cdc.config.progress.SnapshotPercent;
import java.util.Locale;

/** The demo's progress line: "snapshot: 3/5 tables, 1,234,567 of ~2,000,000 rows, 61%". */
final class SnapshotProgressLine {
  private SnapshotProgressLine() {}

  static String of(SnapshotFigures figures, long rowsEstimated) {
    String rows = String.format(Locale.ROOT, "%,d", figures.rowsCopied())
        + (rowsEstimated == RowEstimates.UNKNOWN ? "" : String.format(Locale.ROOT, " of ~%,d", rowsEstimated));
    return "snapshot: " + figures.tablesDone() + "/" + figures.tablesTotal() + " tables, " + rows + " rows, "
        + (figures.done() ? "done" : SnapshotPercent.of(figures, rowsEstimated) + "%");
  }
}
