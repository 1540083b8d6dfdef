package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.core.io.InputStatus;
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
  private final boolean endAfterCheckpoint;
  /** Every row read and emitted; the end is not yet reported. */
  private boolean endReached;
  /** The first checkpoint taken after {@link #endReached}, -1 before it. */
  private long endCheckpoint = -1;
  private final CompletableFuture<Void> endConfirmed = new CompletableFuture<>();
  private final SnapshotProgressGauges progress;

  /**
   * @param endAfterCheckpoint report the end of input only once a checkpoint taken after the last
   *     row has completed (see {@link #pollNext})
   */
  SnapshotReader(SourceReaderContext context, SnapshotSettings settings, SnapshotEncoders encoders,
      boolean endAfterCheckpoint) {
    super(() -> new SnapshotSplitReader(settings, encoders), new SnapshotRecordEmitter(context.metricGroup()),
        new Configuration(), context);
    this.endAfterCheckpoint = endAfterCheckpoint;
    this.progress = new SnapshotProgressGauges(context.metricGroup());
  }

  @Override
  public void handleSourceEvents(SourceEvent event) {
    if (event instanceof SnapshotProgress counts) {
      progress.update(counts);
    } else {
      super.handleSourceEvents(event);
    }
  }

  /**
   * Reports the end of input (after which HybridSource starts the stream) only once a checkpoint
   * taken after this reader's last row has completed. Rows from different source subtasks reach a
   * sink writer over different channels, in no order across channels: without this a change the
   * stream reads right after the switch could reach a writer before a snapshot row of the same key
   * still buffered in another channel (under back-pressure), and the older snapshot row would win.
   * An aligned checkpoint completes only after every writer has processed all rows before its
   * barrier, so after it no snapshot row is in flight. The cost: the switch waits for the next
   * checkpoint. (Unaligned checkpoints would not give this guarantee.)
   */
  @Override
  public InputStatus pollNext(ReaderOutput<ChangeRow> output) throws Exception {
    if (endReached) {
      return endConfirmed.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }
    InputStatus status = super.pollNext(output);
    if (status != InputStatus.END_OF_INPUT || !endAfterCheckpoint) {
      return status;
    }
    endReached = true;
    return InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return endReached ? endConfirmed : super.isAvailable();
  }

  @Override
  public List<SnapshotSplit> snapshotState(long checkpointId) {
    if (endReached && endCheckpoint < 0) {
      endCheckpoint = checkpointId;
    }
    return super.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    if (endCheckpoint >= 0 && checkpointId >= endCheckpoint) {
      endConfirmed.complete(null);
    }
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
