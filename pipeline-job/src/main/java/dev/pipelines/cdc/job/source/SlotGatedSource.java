package dev.pipelines.cdc.job.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source whose enumerator starts only once the pipeline's slot exists ({@link SlotGatedEnumerator});
 * readers, splits and state are the wrapped source's, unchanged (a checkpoint of the wrapped
 * source restores into it).
 */
public final class SlotGatedSource<T, S extends SourceSplit, C> implements Source<T, S, C>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final Source<T, S, C> delegate;
  private final TypeInformation<T> type;
  private final SlotGate gate;

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> SlotGatedSource(W delegate, SlotGate gate) {
    this.delegate = delegate;
    this.type = delegate.getProducedType();
    this.gate = gate;
  }

  @Override
  public Boundedness getBoundedness() {
    return delegate.getBoundedness();
  }

  @Override
  public SplitEnumerator<S, C> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    return new SlotGatedEnumerator<>(context, delegate.createEnumerator(context), gate);
  }

  @Override
  public SplitEnumerator<S, C> restoreEnumerator(SplitEnumeratorContext<S> context, C state) throws Exception {
    return new SlotGatedEnumerator<>(context, delegate.restoreEnumerator(context, state), gate);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return delegate.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<C> getEnumeratorCheckpointSerializer() {
    return delegate.getEnumeratorCheckpointSerializer();
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    return delegate.createReader(context);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }
}
