package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.progress.SnapshotMetrics;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Emits each row as a snapshot row ({@link ChangeRow.Origin#SNAPSHOT}), counting rows read: {@code snapshot.rowsRead} per reader and
 * {@code snapshot.table.<schema.table>.rowsRead} per table.
 */
final class SnapshotRecordEmitter implements RecordEmitter<ChangeRow, ChangeRow, SnapshotSplit> {
  private final MetricGroup metrics;
  private final Counter rowsRead;
  private final Map<String, Counter> rowsReadByTable = new HashMap<>();

  SnapshotRecordEmitter(MetricGroup readerMetrics) {
    this.metrics = readerMetrics.addGroup(SnapshotMetrics.GROUP);
    this.rowsRead = metrics.counter(SnapshotMetrics.ROWS_READ);
  }

  @Override
  public void emitRecord(ChangeRow row, SourceOutput<ChangeRow> output, SnapshotSplit split) {
    row.origin = ChangeRow.Origin.SNAPSHOT;
    output.collect(row);
    rowsRead.inc();
    rowsReadByTable.computeIfAbsent(split.table(), t -> metrics.addGroup(SnapshotMetrics.TABLE_GROUP, t).counter(SnapshotMetrics.ROWS_READ)).inc();
  }
}
