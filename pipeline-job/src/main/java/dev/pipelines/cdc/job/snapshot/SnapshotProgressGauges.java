package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.progress.SnapshotMetrics;
import org.apache.flink.metrics.MetricGroup;

/**
 * The enumerator's counts as each reader's gauges {@code snapshot.splitsTotal},
 * {@code snapshot.splitsDone}, {@code snapshot.tablesTotal}, {@code snapshot.tablesDone}: every
 * reader shows the same values, -1 until the first {@link SnapshotProgress} arrives (so the
 * maximum over the readers is the enumerator's figure). The names are
 * {@link SnapshotMetrics}', which the operator reads.
 */
final class SnapshotProgressGauges {
  private volatile SnapshotProgress last = new SnapshotProgress(-1, -1, -1, -1);

  SnapshotProgressGauges(MetricGroup readerMetrics) {
    MetricGroup snapshot = readerMetrics.addGroup(SnapshotMetrics.GROUP);
    snapshot.gauge(SnapshotMetrics.SPLITS_TOTAL, () -> last.splitsTotal());
    snapshot.gauge(SnapshotMetrics.SPLITS_DONE, () -> last.splitsDone());
    snapshot.gauge(SnapshotMetrics.TABLES_TOTAL, () -> last.tablesTotal());
    snapshot.gauge(SnapshotMetrics.TABLES_DONE, () -> last.tablesDone());
  }

  void update(SnapshotProgress progress) {
    last = progress;
  }
}
