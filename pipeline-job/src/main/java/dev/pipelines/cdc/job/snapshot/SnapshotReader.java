package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * A snapshot reader: asks for a split, reads it ({@link SnapshotSplitReader}), asks for the next.
 *
 * <p>Its checkpoint state is the splits it holds that are not finished. A split counts as finished
 * only once its last row has been emitted (Flink's reader base marks it after emitting the fetch
 * that ended it), so a split missing from the state had every row emitted before the checkpoint
 * barrier: with at-least-once the sink flushed them at that checkpoint, with exactly-once they are
 * in the transaction that checkpoint prepares and commits. A split still being read at the barrier
 * stays in the state and is read again from its start after a restore: the rows emitted twice are
 * upserts of the same key, applied in order before any change of the stream.
 */
final class SnapshotReader
    extends SingleThreadMultiplexSourceReaderBase<ChangeRow, ChangeRow, SnapshotSplit, SnapshotSplit> {

  SnapshotReader(SourceReaderContext context, SnapshotSettings settings, SnapshotEncoders encoders) {
    super(() -> new SnapshotSplitReader(settings, encoders), new SnapshotRecordEmitter(context.metricGroup()),
        new Configuration(), context);
  }

  @Override
  public void start() {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, SnapshotSplit> finished) {
    context.sendSplitRequest();
  }

  @Override
  protected SnapshotSplit initializedState(SnapshotSplit split) {
    return split;
  }

  @Override
  protected SnapshotSplit toSplitType(String splitId, SnapshotSplit state) {
    return state;
  }
}
