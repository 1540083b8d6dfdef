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
 * A source, unchanged, whose coordinator also runs the {@link PublicationWatch}: started when the
 * enumerator is created or restored, so exactly one watch runs per coordinator, in every phase
 * (snapshot, stream, a restore into either) and every startup mode. Everything else is the wrapped
 * source's, its state and serializers included, so checkpoints are the same with or without it.
 */
final class WatchedSource<T, S extends SourceSplit, E> implements Source<T, S, E>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final Source<T, S, E> source;
  private final PublicationWatch watch;

  WatchedSource(Source<T, S, E> source, PublicationWatch watch) {
    this.source = source;
    this.watch = watch;
  }

  @Override
  public Boundedness getBoundedness() {
    return source.getBoundedness();
  }

  @Override
  public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    watch.start(context, PublicationWatch.PERIOD);
    return source.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint) throws Exception {
    watch.start(context, PublicationWatch.PERIOD);
    return source.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return source.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
    return source.getEnumeratorCheckpointSerializer();
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    return source.createReader(context);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeInformation<T> getProducedType() {
    return ((ResultTypeQueryable<T>) source).getProducedType();
  }
}
