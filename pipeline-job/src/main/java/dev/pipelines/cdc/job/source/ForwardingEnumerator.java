package dev.pipelines.cdc.job.source;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;

/**
 * An enumerator that is another one in everything its subclass does not change: the wrappers of
 * flink-cdc's stream enumerator ({@link StreamSplitKept}, {@link SlotKeptSource}) each change one call.
 */
abstract class ForwardingEnumerator<S extends SourceSplit, C> implements SplitEnumerator<S, C> {
  protected final SplitEnumerator<S, C> delegate;

  ForwardingEnumerator(SplitEnumerator<S, C> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    delegate.handleSplitRequest(subtask, requesterHostname);
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtask) {
    delegate.addSplitsBack(splits, subtask);
  }

  @Override
  public void addReader(int subtask) {
    delegate.addReader(subtask);
  }

  @Override
  public C snapshotState(long checkpointId) throws Exception {
    return delegate.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    delegate.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    delegate.notifyCheckpointAborted(checkpointId);
  }

  @Override
  public void handleSourceEvent(int subtask, SourceEvent event) {
    delegate.handleSourceEvent(subtask, event);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
