package dev.pipelines.cdc.job.sink;

import com.starrocks.data.load.stream.StreamLoadManager;
import com.starrocks.data.load.stream.StreamLoadSnapshot;
import java.lang.reflect.Field;
import java.util.Optional;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes flink-connector-starrocks' sink function without the flush its {@code close()} starts with,
 * for a sink that is closed without having finished (a failover or a cancel).
 *
 * <p>Why: 1.2.10's {@code StarRocksDynamicSinkFunctionV2.close()} first calls
 * {@code StreamLoadManagerV2.flush()}, which parks until its manager thread has loaded every buffered
 * row; after a failover that thread may never do so, and {@code flush()} does not answer the task's
 * cancellation. In {@code flink-cluster-tests} a sink subtask of an at-least-once job hung there after
 * every TaskManager kill, until Flink's watchdog ({@code task.cancellation.timeout}, 180 s) ended its
 * TaskManager. A flush at that point serves nothing: the rows it would load came after the last
 * completed checkpoint and the restored job reads them again (at-least-once), or they belong to a
 * transaction that is aborted anyway (exactly-once). So the buffered rows are dropped, as the
 * connector's own {@code close()} does after its flush (abort its snapshot, close the manager).
 *
 * <p>The connector exposes its manager only as a private field; this reads it by name, pinned to the
 * connector version in use ({@code UnflushedCloseTest} fails if the field is renamed).
 */
final class UnflushedClose {
  private static final Logger LOG = LoggerFactory.getLogger(UnflushedClose.class);
  static final String MANAGER_FIELD = "sinkManager";

  private UnflushedClose() {}

  /** The connector's stream load manager inside {@code sink}, if it is the connector's sink function. */
  static Optional<StreamLoadManager> manager(SinkFunction<?> sink) {
    for (Class<?> c = sink.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(MANAGER_FIELD);
        field.setAccessible(true);
        return field.get(sink) instanceof StreamLoadManager m ? Optional.of(m) : Optional.empty();
      } catch (NoSuchFieldException e) {
        // not declared here: look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warn("cannot reach the StarRocks sink's load manager ({}); closing it with its own flush", e.toString());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Drops what {@code sink} has buffered and closes its manager; false if it is not the connector's sink. */
  static boolean close(SinkFunction<?> sink) {
    Optional<StreamLoadManager> manager = manager(sink);
    if (manager.isEmpty()) {
      return false;
    }
    LOG.info("StarRocks sink closed before it finished (a failover or a cancel): its buffered rows are not flushed,"
        + " the restored job loads them again from its checkpoint");
    StreamLoadManager m = manager.get();
    try {
      StreamLoadSnapshot snapshot = m.snapshot();
      m.abort(snapshot);
    } finally {
      m.close();
    }
    return true;
  }
}
