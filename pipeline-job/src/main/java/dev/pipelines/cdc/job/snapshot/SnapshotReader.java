package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.progress.SnapshotMetrics;
import dev.pipelines.cdc.job.reconcile.SnapshotMarkers;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.MetricGroup;

/**
 * A snapshot reader: asks for a split, reads it ({@link SnapshotSplitReader}), reports it finished
 * and asks for the next. In the job it stays alive, idle, once there is nothing left to read (the
 * stream runs beside it; after a restore with new tables it reads theirs).
 *
 * <p>Its checkpoint state is the splits it holds that are not finished. A split counts as finished
 * only once its last row has been emitted (Flink's reader base marks it after emitting the fetch
 * that ended it), so a split missing from the state had every row emitted before the checkpoint
 * barrier: with at-least-once the sink flushed them at that checkpoint, with exactly-once they are
 * in the transaction that checkpoint prepares and commits. A split still being read at the barrier
 * stays in the state and is read again from its start after a restore.
 *
 * <p>It also emits the snapshot's "done" markers ({@link SnapshotMarkers}) when the enumerator asks,
 * and publishes the enumerator's progress as its own gauges ({@code snapshot.splitsTotal},
 * {@code splitsDone}, {@code tablesTotal}, {@code tablesDone}): Flink 1.19 does not expose the
 * enumerator's metrics over REST.
 */
final class SnapshotReader
    extends SingleThreadMultiplexSourceReaderBase<ChangeRow, ChangeRow, SnapshotSplit, SnapshotSplit> {
  private final List<String> restored = new ArrayList<>();
  private final ArrayDeque<ChangeRow> markers = new ArrayDeque<>();
  private CompletableFuture<Void> markerArrived = new CompletableFuture<>();
  private boolean started;
  /**
   * -1 until the enumerator's first count arrives (SnapshotMetrics' contract): zeros read as "0 of 0
   * splits, done" over REST, and a snapshot once Done stays Done in the operator's status (seen once in
   * SnapshotProgressIT: the first reading came before the count).
   */
  private volatile SnapshotEvents.Progress progress = new SnapshotEvents.Progress(-1, -1, -1, -1);

  SnapshotReader(SourceReaderContext context, SnapshotSettings settings, SnapshotEncoders encoders) {
    super(() -> new SnapshotSplitReader(settings, encoders), new SnapshotRecordEmitter(context.metricGroup()),
        new Configuration(), context);
    // The names the operator reads back over the JobManager's REST API (pipeline-config's SnapshotMetrics).
    MetricGroup metrics = context.metricGroup().addGroup(SnapshotMetrics.GROUP);
    metrics.gauge(SnapshotMetrics.SPLITS_TOTAL, () -> progress.splitsTotal());
    metrics.gauge(SnapshotMetrics.SPLITS_DONE, () -> progress.splitsDone());
    metrics.gauge(SnapshotMetrics.TABLES_TOTAL, () -> progress.tablesTotal());
    metrics.gauge(SnapshotMetrics.TABLES_DONE, () -> progress.tablesDone());
  }

  @Override
  public void addSplits(List<SnapshotSplit> splits) {
    if (!started) {
      splits.forEach(s -> restored.add(s.splitId())); // restored from this reader's checkpoint state
    }
    super.addSplits(splits);
  }

  @Override
  public void start() {
    started = true;
    context.sendSourceEventToCoordinator(new SnapshotEvents.SplitReport(true, restored, List.of()));
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, SnapshotSplit> finished) {
    context.sendSourceEventToCoordinator(new SnapshotEvents.SplitReport(false, List.of(),
        List.copyOf(finished.keySet())));
    context.sendSplitRequest();
  }

  @Override
  public void handleSourceEvents(SourceEvent event) {
    if (event instanceof SnapshotEvents.Progress p) {
      progress = p;
    } else if (event instanceof SnapshotEvents.TableDone done) {
      markers.add(SnapshotMarkers.done(done.table(), done.generation()));
      markerArrived.complete(null);
    } else {
      super.handleSourceEvents(event);
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<ChangeRow> output) throws Exception {
    ChangeRow marker = markers.poll();
    if (marker != null) {
      output.collect(marker);
      return InputStatus.MORE_AVAILABLE;
    }
    return super.pollNext(output);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    if (!markers.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    if (markerArrived.isDone()) {
      markerArrived = new CompletableFuture<>();
    }
    return super.isAvailable().applyToEither(markerArrived, ignored -> null);
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
