package dev.pipelines.cdc.job.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.connector.source.Source;

/**
 * flink-cdc's stream source with its enumerator's "splits back" fixed: on a failover, Flink hands the
 * enumerator back the splits assigned to a failed reader since the last checkpoint, often none; flink-cdc
 * 3.5.0's stream assigner then forgets that the stream split is assigned whatever the list holds, and gives
 * a second copy to another reader while the restored reader resumes its own. Seen in flink-cluster-tests
 * (an exactly-once TaskManager kill mid-stream): the second copy, made from the slot's position with the
 * first assignment's transaction id, emitted the change at that position again, visible twice in StarRocks.
 * Upstream fixed it after 3.5.0 (FLINK-38618, commits 5f8fe2ed and 4bab3670: an empty list changes
 * nothing), in no release for Flink 1.19; this does the same in front of the enumerator.
 */
public final class StreamSplitKept<T, S extends SourceSplit, C> extends ForwardingSource<T, S, C> {
  private static final long serialVersionUID = 1L;

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> StreamSplitKept(W delegate) {
    super(delegate);
  }

  @Override
  public SplitEnumerator<S, C> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    return new Enumerator<>(super.createEnumerator(context));
  }

  @Override
  public SplitEnumerator<S, C> restoreEnumerator(SplitEnumeratorContext<S> context, C state) throws Exception {
    return new Enumerator<>(super.restoreEnumerator(context, state));
  }

  /** The delegate in everything but an empty "splits back", which it is not told. */
  static final class Enumerator<S extends SourceSplit, C> extends ForwardingEnumerator<S, C> {
    Enumerator(SplitEnumerator<S, C> delegate) {
      super(delegate);
    }

    @Override
    public void addSplitsBack(List<S> splits, int subtask) {
      if (splits != null && !splits.isEmpty()) {
        delegate.addSplitsBack(splits, subtask);
      }
    }
  }
}
