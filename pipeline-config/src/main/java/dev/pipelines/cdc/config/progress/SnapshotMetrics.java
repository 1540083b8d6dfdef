package dev.pipelines.cdc.config.progress;

/**
 * The names of the snapshot's Flink metrics: the job registers them, the operator reads them over
 * the JobManager's REST API. Every snapshot reader (a source subtask) publishes, in its group
 * {@value #GROUP}:
 *
 * <ul>
 *   <li>counter {@value #ROWS_READ}: rows it has read (sum over the readers: rows copied);
 *   <li>counter {@code table.<schema.table>.rowsRead}: the same per table;
 *   <li>gauges {@value #SPLITS_TOTAL}, {@value #SPLITS_DONE}, {@value #TABLES_TOTAL},
 *       {@value #TABLES_DONE}: the enumerator's counts, which it sends to every reader (Flink 1.19
 *       does not serve JobManager operator metrics over REST); the same on every reader, -1 before
 *       the first count arrives, so the maximum over the readers is the figure.
 * </ul>
 *
 * <p>The REST API names an operator's metric {@code <operator name>.<group>.<name>} (for example
 * {@code Source__postgres.snapshot.rowsRead}), so the operator finds them by their ending
 * ({@link #matches}), whatever the source is called.
 */
public final class SnapshotMetrics {
  public static final String GROUP = "snapshot";
  public static final String ROWS_READ = "rowsRead";
  public static final String TABLE_GROUP = "table";
  public static final String SPLITS_TOTAL = "splitsTotal";
  public static final String SPLITS_DONE = "splitsDone";
  public static final String TABLES_TOTAL = "tablesTotal";
  public static final String TABLES_DONE = "tablesDone";

  /** Gauges whose value is the same on every reader: read their maximum. */
  public static final java.util.List<String> COUNTS = java.util.List.of(SPLITS_TOTAL, SPLITS_DONE, TABLES_TOTAL,
      TABLES_DONE);

  private SnapshotMetrics() {}

  /** {@code snapshot.<name>}: the metric's id below its operator. */
  public static String id(String name) {
    return GROUP + "." + name;
  }

  /** Whether a REST metric id is the snapshot metric {@code name}, with or without its operator prefix. */
  public static boolean matches(String restId, String name) {
    String id = id(name);
    return restId.equals(id) || restId.endsWith("." + id);
  }

  /** Whether a REST metric id is any snapshot metric (the vertex that has one runs the snapshot source). */
  public static boolean isSnapshotMetric(String restId) {
    return restId.startsWith(GROUP + ".") || restId.contains("." + GROUP + ".");
  }
}
