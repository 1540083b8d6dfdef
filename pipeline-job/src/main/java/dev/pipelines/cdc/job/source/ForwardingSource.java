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
 * A source that is another source in everything but what its subclass changes (how the enumerator
 * is made): readers, splits, state and serializers are the delegate's, so a checkpoint of the
 * delegate restores into the wrapper and back.
 */
abstract class ForwardingSource<T, S extends SourceSplit, E> implements Source<T, S, E>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final Source<T, S, E> delegate;
  private final TypeInformation<T> type;

  /** @param delegate a source that also names its produced type (every FLIP-27 source we wrap does) */
  @SuppressWarnings("unchecked")
  ForwardingSource(Source<T, S, E> delegate) {
    this.delegate = delegate;
    this.type = ((ResultTypeQueryable<T>) delegate).getProducedType();
  }

  @Override
  public Boundedness getBoundedness() {
    return delegate.getBoundedness();
  }

  @Override
  public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    return delegate.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint) throws Exception {
    return delegate.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return delegate.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
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
