package dev.pipelines.cdc.config;

/**
 * When changes are loaded into StarRocks, shared by the operator (which sets the checkpoint interval)
 * and the job (which configures the connector).
 *
 * <p>flink-connector-starrocks loads a table's buffer on its own timer
 * ({@code sink.buffer-flush.interval-ms}, which it refuses below 1 s) and, at-least-once, at every
 * Flink checkpoint (its {@code snapshotState} flushes). A flush interval below 1 s is therefore served
 * by checkpoints: the job checkpoints every flush interval and each checkpoint loads what arrived
 * since the last one. The price is one Stream Load per table and one checkpoint per interval.
 * Exactly-once makes rows visible when a checkpoint completes, so there the checkpoint interval
 * alone decides freshness.
 */
public final class FlushPolicy {
  /** The connector refuses a shorter {@code sink.buffer-flush.interval-ms}. */
  public static final long CONNECTOR_MIN_FLUSH_MILLIS = 1_000;
  /** Below this, checkpoints would cost more than the loads they trigger. */
  public static final long MIN_FLUSH_MILLIS = 100;

  private FlushPolicy() {}

  /** Whether loads are triggered by checkpoints rather than by the connector's own timer. */
  public static boolean flushesOnCheckpoints(DeliverySemantic semantic, long flushMillis) {
    return semantic == DeliverySemantic.AT_LEAST_ONCE && flushMillis < CONNECTOR_MIN_FLUSH_MILLIS;
  }

  /** The connector's {@code sink.buffer-flush.interval-ms}: the flush interval, at least its minimum. */
  public static long connectorFlushMillis(long flushMillis) {
    return Math.max(flushMillis, CONNECTOR_MIN_FLUSH_MILLIS);
  }

  /** The checkpoint interval in effect: the configured one, or the flush interval when it loads on checkpoints. */
  public static long checkpointMillis(long configuredMillis, DeliverySemantic semantic, long flushMillis) {
    return flushesOnCheckpoints(semantic, flushMillis) ? Math.min(configuredMillis, flushMillis) : configuredMillis;
  }
}
