package dev.pipelines.cdc.config.progress;

/**
 * The names of the stream reader's Flink metrics: the job registers them on the stream source's readers,
 * the operator reads {@value #STARTED} over the JobManager's REST API. In group {@value #GROUP}:
 *
 * <ul>
 *   <li>gauge {@value #STARTED}: 1 once a checkpoint holds a stream position past the one the stream
 *       started from (Debezium left its search for the resume position and moves), 0 before, and on the
 *       readers that do not hold the stream split; the maximum over the readers is the figure;
 *   <li>gauge {@value #CHECKPOINTED_LSN}: the stream position of the last checkpoint, an LSN as a number,
 *       -1 before one;
 *   <li>gauge {@value #SLOT_AHEAD_AT_START_BYTES}: how far the slot's confirmed position was past the
 *       position the stream started from, 0 if it was not.
 * </ul>
 *
 * <p>The REST API names them {@code <operator name>.stream.<name>} (for example
 * {@code Source__postgres-stream.stream.started}).
 */
public final class StreamMetrics {
  public static final String GROUP = "stream";
  public static final String STARTED = "started";
  public static final String CHECKPOINTED_LSN = "checkpointedLsn";
  public static final String SLOT_AHEAD_AT_START_BYTES = "slotAheadAtStartBytes";

  private StreamMetrics() {}

  /** Whether a REST metric id is the stream metric {@code name}, with or without its operator prefix. */
  public static boolean matches(String restId, String name) {
    String id = GROUP + "." + name;
    return restId.equals(id) || restId.endsWith("." + id);
  }
}
