package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.progress.StreamMetrics;
import dev.pipelines.cdc.job.failure.SqlErrors;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.cdc.connectors.postgres.source.offset.PostgresOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flink-cdc's stream source with the slot kept at checkpointed positions ({@link SlotKeeper}): its
 * coordinator emits a heartbeat every {@link SlotKeeper#heartbeatInterval()}, and its reader, given the
 * stream split (restored from a checkpoint, or assigned), first compares the split's position with the
 * slot's (logged when the slot is past it, see {@link SlotKeeper#slotAhead}) and emits a
 * heartbeat, so the first message the new stream receives is one (see {@link SlotKeeper}).
 * Splits, state and serializers are the wrapped source's.
 */
public final class SlotKeptSource<T, S extends SourceSplit, C> extends ForwardingSource<T, S, C> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SlotKeptSource.class);

  private final SlotKeeper keeper;

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> SlotKeptSource(W delegate, SlotKeeper keeper) {
    super(delegate);
    this.keeper = keeper;
  }

  @Override
  public SplitEnumerator<S, C> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
    return new Enumerator<>(super.createEnumerator(context), context, keeper);
  }

  @Override
  public SplitEnumerator<S, C> restoreEnumerator(SplitEnumeratorContext<S> context, C state) throws Exception {
    return new Enumerator<>(super.restoreEnumerator(context, state), context, keeper);
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    return new Reader<>(super.createReader(context), keeper, context.metricGroup().addGroup(StreamMetrics.GROUP));
  }

  /** The delegate, and a heartbeat every interval from its start. */
  static final class Enumerator<S extends SourceSplit, C> extends ForwardingEnumerator<S, C> {
    private final SplitEnumeratorContext<S> context;
    private final SlotKeeper keeper;

    Enumerator(SplitEnumerator<S, C> delegate, SplitEnumeratorContext<S> context, SlotKeeper keeper) {
      super(delegate);
      this.context = context;
      this.keeper = keeper;
    }

    @Override
    public void start() {
      super.start();
      long every = keeper.heartbeatInterval().toMillis();
      LOG.info("replication slot {}: a heartbeat every {} ms", keeper.slotName(), every);
      // The statement in the coordinator's worker thread; a failure is logged and the next one tried.
      context.callAsync(keeper::heartbeat, (lsn, failure) -> {
        if (failure != null) {
          LOG.warn("the heartbeat of replication slot {} failed (trying again in {} ms): {}", keeper.slotName(),
              every, failure instanceof SQLException e ? SqlErrors.oneLine(e) : failure.toString());
        }
      }, every, every);
    }
  }

  /**
   * The delegate, with the stream split checked against the slot and a heartbeat before it streams,
   * and two gauges (group {@code stream}): {@code started} (1 once a checkpoint holds a position past
   * the one the stream started from: Debezium left its search for the resume position and moves; the
   * heartbeat makes that happen within one heartbeat and one checkpoint, changes or not; 0 on the
   * readers without the stream split), {@code checkpointedLsn} (the stream position of the last
   * checkpoint, an LSN as a number; -1 before one) and {@code slotAheadAtStartBytes} (how far the slot's
   * confirmed position was past the position this stream started from, 0 if it was not; see
   * {@link SlotKeeper#slotAhead}).
   */
  static final class Reader<T, S extends SourceSplit> extends ForwardingReader<T, S> {
    private final SlotKeeper keeper;
    private volatile long startLsn = -1;
    private volatile long checkpointedLsn = -1;
    private volatile long slotAheadBytes;

    Reader(SourceReader<T, S> delegate, SlotKeeper keeper, MetricGroup metrics) {
      super(delegate);
      this.keeper = keeper;
      metrics.gauge(StreamMetrics.STARTED, (Gauge<Integer>) () -> startLsn >= 0 && checkpointedLsn > startLsn ? 1 : 0);
      metrics.gauge(StreamMetrics.CHECKPOINTED_LSN, (Gauge<Long>) () -> checkpointedLsn);
      metrics.gauge(StreamMetrics.SLOT_AHEAD_AT_START_BYTES, (Gauge<Long>) () -> slotAheadBytes);
    }

    @Override
    public void addSplits(List<S> splits) {
      for (S split : splits) {
        streamingFrom(split).ifPresent(lsn -> {
          beforeStreaming(lsn);
          startLsn = lsn;
        });
      }
      super.addSplits(splits);
    }

    @Override
    public List<S> snapshotState(long checkpointId) {
      List<S> splits = super.snapshotState(checkpointId);
      for (S split : splits) {
        streamingFrom(split).ifPresent(lsn -> checkpointedLsn = lsn);
      }
      return splits;
    }

    private void beforeStreaming(long lsn) {
      try {
        Optional<Long> slot = keeper.confirmedFlushLsn();
        SlotKeeper.slotAhead(keeper.slotName(), lsn, slot).ifPresent(note -> {
          slotAheadBytes = slot.get() - lsn;
          LOG.warn(note);
        });
        keeper.heartbeat();
      } catch (SQLException e) {
        // Not a verdict: the stream's own connection meets the same fault and Flink restarts the job.
        throw new IllegalStateException("replication slot " + keeper.slotName() + " could not be checked before"
            + " the stream starts: " + SqlErrors.oneLine(e), e);
      }
    }

    /** The LSN a stream split starts from; empty for any other split, or one without a position yet. */
    static Optional<Long> streamingFrom(SourceSplit split) {
      if (split instanceof SourceSplitBase base && base.isStreamSplit()
          && base.asStreamSplit().getStartingOffset() instanceof PostgresOffset offset
          && offset.getLsn() != null && offset.getLsn().isValid() && offset.getLsn().asLong() > 0) {
        return Optional.of(offset.getLsn().asLong());
      }
      return Optional.empty();
    }
  }
}
