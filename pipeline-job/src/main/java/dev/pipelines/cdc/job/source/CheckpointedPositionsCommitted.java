package dev.pipelines.cdc.job.source;

import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;

/**
 * flink-cdc's stream source, told of a completed checkpoint only when that checkpoint holds a stream
 * position of this reader's, so that what it commits to the slot is always a checkpointed position.
 *
 * <p>flink-cdc 3.5.0's reader commits, for a completed checkpoint (one late with the commit delay,
 * {@code PostgresSourceReader.notifyCheckpointComplete}), the stream position it recorded when that
 * checkpoint was taken ({@code IncrementalSourceReaderWithCommit.lastCheckpointOffsets}). For a
 * checkpoint taken before the reader had the stream split it recorded none, and then it commits the
 * position Debezium has reached right now ({@code PostgresStreamFetchTask.commitCurrentOffset} with no
 * offset: the last commit received), which no checkpoint holds. At a first start that is the rule, not
 * an accident: checkpoints complete while the snapshot creates the slot and the stream split waits for
 * it ({@link SlotGatedSource}), and the first commit after the split arrived is one of those. A cancel,
 * failover or restore before the next commit then resumed from the slot, past the changes between the
 * restored checkpoint and that position, and they were lost: {@code SnapshotAndStreamSideBySideIT}
 * (a first run of about 2 s under writes, then a restore) found the slot 235,712 bytes past the newest
 * checkpoint, 182 rows lost and 100 rows not updated, with the driver's keepalive flush already off.
 *
 * <p>A checkpoint whose snapshot of this reader holds no stream split is not passed on; the later ones
 * are, and flink-cdc commits their positions one checkpoint late as before. A reader without the stream
 * split (parallelism above 1) is told of nothing, and commits nothing either way.
 */
public final class CheckpointedPositionsCommitted<T, S extends SourceSplit, C> extends ForwardingSource<T, S, C> {
  private static final long serialVersionUID = 1L;

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> CheckpointedPositionsCommitted(W delegate) {
    super(delegate);
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    return new Reader<>(super.createReader(context));
  }

  /** Passes on only the completions of checkpoints whose state held a stream split (one task thread calls it). */
  static final class Reader<T, S extends SourceSplit> extends ForwardingReader<T, S> {
    private final TreeSet<Long> withStreamSplit = new TreeSet<>();

    Reader(SourceReader<T, S> delegate) {
      super(delegate);
    }

    @Override
    public List<S> snapshotState(long checkpointId) {
      List<S> splits = super.snapshotState(checkpointId);
      if (splits.stream().anyMatch(s -> s instanceof SourceSplitBase base && base.isStreamSplit())) {
        withStreamSplit.add(checkpointId);
      }
      return splits;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      boolean held = withStreamSplit.remove(checkpointId);
      // Older ones are subsumed by this completion: Flink will not complete them any more.
      withStreamSplit.headSet(checkpointId).clear();
      if (held) {
        super.notifyCheckpointComplete(checkpointId);
      }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
      withStreamSplit.remove(checkpointId);
      super.notifyCheckpointAborted(checkpointId);
    }
  }
}
