package dev.pipelines.cdc.job.reconcile;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.Set;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Where the snapshot and the stream meet, keyed by the routing key ({@code table/key}): the two
 * sources run side by side, so a snapshot row may arrive after the stream has already carried a
 * newer state of the same row.
 *
 * <ul>
 *   <li>A stream row passes, and marks its key while its table's snapshot is not done.
 *   <li>A snapshot row of a marked key is dropped (the stream already carries a newer state of that
 *       row, and all later ones follow in commit order); otherwise it passes.
 *   <li>A table's "done" marker ({@link SnapshotMarkers}, broadcast) clears that table's marks: no
 *       snapshot row of it can follow, because the marker is sent only once a checkpoint taken
 *       after its last snapshot row completed, and an aligned checkpoint completes only after this
 *       operator processed every row before its barrier. So state holds only the keys changed
 *       while a snapshot runs.
 *   <li>Rows of tables the pipeline no longer captures are dropped (their StarRocks tables stay).
 * </ul>
 *
 * <p>Counters (group {@code reconcile}): {@code snapshotRowsDropped}, {@code uncapturedRowsDropped}.
 */
public final class SnapshotStreamReconciler
    extends KeyedBroadcastProcessFunction<String, ChangeRow, ChangeRow, ChangeRow> implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  /** The broadcast stream's descriptor; the markers need no broadcast state (see {@link TableGuards}). */
  public static final MapStateDescriptor<String, Integer> MARKERS =
      new MapStateDescriptor<>("snapshot-markers", Types.STRING, Types.INT);
  private static final ValueStateDescriptor<Boolean> STREAMED = new ValueStateDescriptor<>("streamed", Types.BOOLEAN);

  private final Set<String> captured;
  private transient TableGuards guards;
  /** (table, generation): plain Flink types, not a record (Kryo, Flink's fallback, cannot build records). */
  private transient ListState<Tuple2<String, Integer>> doneState;
  private transient ValueState<Boolean> streamed;
  private transient Counter snapshotRowsDropped;
  private transient Counter uncapturedRowsDropped;

  /** @param captured the tables the job captures ({@code schema.table}) */
  public SnapshotStreamReconciler(Set<String> captured) {
    this.captured = Set.copyOf(captured);
  }

  @Override
  public void open(org.apache.flink.configuration.Configuration parameters) {
    streamed = getRuntimeContext().getState(STREAMED);
    var metrics = getRuntimeContext().getMetricGroup().addGroup("reconcile");
    snapshotRowsDropped = metrics.counter("snapshotRowsDropped");
    uncapturedRowsDropped = metrics.counter("uncapturedRowsDropped");
  }

  @Override
  public void processElement(ChangeRow row, ReadOnlyContext ctx, Collector<ChangeRow> out) throws Exception {
    if (!guards.captured(row.sourceTable)) {
      uncapturedRowsDropped.inc();
      streamed.clear();
      return;
    }
    if (row.origin == ChangeRow.Origin.SNAPSHOT) {
      if (streamed.value() != null) {
        snapshotRowsDropped.inc();
        return;
      }
    } else if (!guards.done(row.sourceTable)) {
      streamed.update(Boolean.TRUE);
    }
    out.collect(row);
  }

  @Override
  public void processBroadcastElement(ChangeRow marker, Context ctx, Collector<ChangeRow> out) throws Exception {
    String table = marker.sourceTable;
    if (guards.markDone(table, SnapshotMarkers.generation(marker))) {
      String prefix = new ChangeRow(table, "", "").routingKey();
      ctx.applyToKeyedState(STREAMED, (key, state) -> {
        if (key.startsWith(prefix)) {
          state.clear();
        }
      });
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    doneState.update(guards.checkpoint().stream().map(d -> Tuple2.of(d.table(), d.generation())).toList());
  }

  /**
   * Union state: every instance saw the same markers, so each one's list is complete; after a
   * rescale every instance gets all lists and keeps the highest generation of each table.
   */
  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    doneState = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>("snapshot-done-tables", Types.TUPLE(Types.STRING, Types.INT)));
    guards = new TableGuards(captured);
    for (Tuple2<String, Integer> done : doneState.get()) {
      guards.restore(new TableGuards.Done(done.f0, done.f1));
    }
  }
}
