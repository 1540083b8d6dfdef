package dev.pipelines.cdc.job.source;

import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/**
 * A source whose enumerator starts only once the pipeline's slot exists ({@link SlotGatedEnumerator});
 * readers, splits and state are the wrapped source's, unchanged (a checkpoint of the wrapped
 * source restores into it).
 */
public final class SlotGatedSource<T, S extends SourceSplit, C> extends ForwardingSource<T, S, C> {
  private static final long serialVersionUID = 1L;

  private final SlotGate gate;

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> SlotGatedSource(W delegate, SlotGate gate) {
    super(delegate);
    this.gate = gate;
  }

  @Override
  public SplitEnumerator<S, C> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    return new SlotGatedEnumerator<>(context, super.createEnumerator(context), gate);
  }

  @Override
  public SplitEnumerator<S, C> restoreEnumerator(SplitEnumeratorContext<S> context, C state) throws Exception {
    return new SlotGatedEnumerator<>(context, super.restoreEnumerator(context, state), gate);
  }
}
