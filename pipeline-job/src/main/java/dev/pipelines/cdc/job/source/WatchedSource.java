package dev.pipelines.cdc.job.source;

import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * A source, unchanged, whose coordinator also runs the {@link PublicationWatch}: started when the
 * enumerator is created or restored, so exactly one watch runs per coordinator, in every phase
 * (snapshot, stream, a restore into either) and every startup mode. Everything else is the wrapped
 * source's, its state and serializers included, so checkpoints are the same with or without it.
 */
final class WatchedSource<T, S extends SourceSplit, E> extends ForwardingSource<T, S, E> {
  private static final long serialVersionUID = 1L;

  private final PublicationWatch watch;

  WatchedSource(Source<T, S, E> source, PublicationWatch watch) {
    super(source);
    this.watch = watch;
  }

  @Override
  public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    watch.start(context, PublicationWatch.PERIOD);
    return super.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint) throws Exception {
    watch.start(context, PublicationWatch.PERIOD);
    return super.restoreEnumerator(context, checkpoint);
  }
}
