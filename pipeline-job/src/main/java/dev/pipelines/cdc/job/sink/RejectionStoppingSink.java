package dev.pipelines.cdc.job.sink;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.job.ddl.TargetTable;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.IterationRuntimeContext;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.api.common.eventtime.Watermark;

/**
 * The StarRocks connector's sink function with its failures sorted: a load StarRocks refused because
 * of a row ({@link LoadFailures}) stops the pipeline once, naming table, column and key (a restart
 * would replay the same row from the checkpoint and be refused again: the crash loop of issue 12);
 * every other failure is rethrown unchanged, so Flink restarts the job with backoff.
 *
 * <p>It delegates every call the connector's {@code StarRocksDynamicSinkFunctionV2} implements
 * (RichFunction lifecycle and runtime context, CheckpointedFunction, CheckpointListener, SinkFunction),
 * so the connector behaves as if it were the operator's function, state names included.
 */
public final class RejectionStoppingSink<T> extends RichSinkFunction<T> implements CheckpointedFunction,
    CheckpointListener {
  private static final long serialVersionUID = 1L;

  /** What the connector's sink function is: a rich sink with checkpointed state and checkpoint callbacks. */
  private final RichSinkFunction<T> delegate;
  private final Map<String, List<String>> keyColumnsByTable;
  private final Map<String, String> sourceByTable;
  /**
   * At-least-once only: a close before {@link #finish()} drops the connector's buffer instead of flushing it
   * ({@link UnflushedClose}). Exactly-once keeps the connector's own close, which never hung in the fault tests.
   */
  private final boolean unflushedCloseOnFailover;
  /** Set once Flink has finished the sink (end of input, a stop with savepoint). */
  private transient boolean finished;

  /**
   * @param keyColumnsByTable key columns of each StarRocks table ({@code db.table})
   * @param sourceByTable the source table ({@code schema.table}) of each StarRocks table
   */
  public RejectionStoppingSink(SinkFunction<T> delegate, Map<String, List<String>> keyColumnsByTable,
      Map<String, String> sourceByTable, DeliverySemantic semantic) {
    if (!(delegate instanceof RichSinkFunction<T> rich && delegate instanceof CheckpointedFunction
        && delegate instanceof CheckpointListener)) {
      throw new IllegalArgumentException("expected the connector's checkpointed rich sink function, got "
          + delegate.getClass().getName());
    }
    this.delegate = rich;
    this.keyColumnsByTable = Map.copyOf(keyColumnsByTable);
    this.sourceByTable = Map.copyOf(sourceByTable);
    this.unflushedCloseOnFailover = semantic == DeliverySemantic.AT_LEAST_ONCE;
  }

  /**
   * @param tables the StarRocks tables the sink writes
   * @param targetNameBySource each source table's StarRocks table name (in the tables' database)
   */
  public static <T> RejectionStoppingSink<T> around(SinkFunction<T> sink, List<TargetTable> tables,
      Map<String, String> targetNameBySource, DeliverySemantic semantic) {
    Map<String, List<String>> keys = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (TargetTable t : tables) {
      keys.put(t.qualifiedName(), t.primaryKey());
      targetNameBySource.forEach((source, target) -> {
        if (target.equals(t.name())) {
          sources.merge(t.qualifiedName(), source, (a, b) -> a + ", " + b); // several where a route merges them
        }
      });
    }
    return new RejectionStoppingSink<>(sink, keys, sources, semantic);
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    delegate.setRuntimeContext(context);
  }

  @Override
  public RuntimeContext getRuntimeContext() {
    return delegate.getRuntimeContext();
  }

  @Override
  public IterationRuntimeContext getIterationRuntimeContext() {
    return delegate.getIterationRuntimeContext();
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    try {
      delegate.open(openContext);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public void open(Configuration parameters) throws Exception {
    try {
      delegate.open(parameters);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    try {
      ((CheckpointedFunction) delegate).initializeState(context);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  public void invoke(T value, Context context) throws Exception {
    try {
      delegate.invoke(value, context);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  public void writeWatermark(Watermark watermark) throws Exception {
    delegate.writeWatermark(watermark);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    try {
      ((CheckpointedFunction) delegate).snapshotState(context);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    try {
      ((CheckpointListener) delegate).notifyCheckpointComplete(checkpointId);
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    ((CheckpointListener) delegate).notifyCheckpointAborted(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    try {
      delegate.finish();
      finished = true;
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  /**
   * Closed after {@link #finish()}, or exactly-once: the connector's own close. Closed without it (a
   * failover, a cancel) at-least-once: without the connector's flush, which hung there ({@link UnflushedClose}).
   */
  @Override
  public void close() throws Exception {
    if (unflushedCloseOnFailover && !finished && UnflushedClose.close(delegate)) {
      return;
    }
    try {
      delegate.close();
    } catch (Exception e) {
      throw sorted(e);
    }
  }

  /** A refused row becomes the pipeline's stop; anything else is returned as it was. */
  Exception sorted(Exception failure) {
    Optional<RowRejection> rejected = LoadFailures.rowRejection(failure, keyColumnsByTable);
    if (rejected.isEmpty()) {
      return failure;
    }
    RowRejection r = rejected.get();
    String source = r.table() == null ? null : sourceByTable.get(r.table());
    String table = source == null ? (r.table() == null ? "(unknown)" : "StarRocks " + r.table())
        : source + " (StarRocks " + r.table() + ")";
    return PipelineStop.rowRejected(table, r.column() == null ? "(not named by StarRocks)" : r.column(),
        r.key() == null ? "(see the error log)" : r.key(),
        r.reason() + ". Retrying would send the same row again, so the pipeline stops instead. Fix the row in"
            + " the source or the StarRocks table's definition, then resume (docs/pipeline-job.md: Changes and their edge cases)",
        failure);
  }
}
