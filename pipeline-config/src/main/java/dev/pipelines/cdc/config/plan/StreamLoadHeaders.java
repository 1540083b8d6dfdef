package dev.pipelines.cdc.config.plan;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Stream Load headers that belong to the pipeline, not to {@code spec.sink.starrocks.properties}:
 * the job's sink sets them, and the operator's validator refuses a spec that sets them.
 */
public final class StreamLoadHeaders {
  /** Set by the job on every load: rows travel as one JSON array ({@code [{...,"__op":0}]}). */
  public static final Map<String, String> FORMAT = Map.of("format", "json", "strip_outer_array", "true");

  /** Set by the job per table: every target column plus {@code __op}, which carries upserts and deletes. */
  public static final String COLUMNS = "columns";

  /**
   * Every header a spec may not set: {@link #FORMAT} and {@link #COLUMNS}; {@code label}, {@code db}
   * and {@code table}, which flink-connector-starrocks sets on each request; and {@code partial_update}
   * and {@code jsonpaths}, which would change how a row's values map to columns and so break change
   * application.
   */
  public static final Set<String> RESERVED;

  static {
    Set<String> reserved = new TreeSet<>(FORMAT.keySet());
    reserved.add(COLUMNS);
    reserved.addAll(Set.of("label", "db", "table", "partial_update", "jsonpaths"));
    RESERVED = Set.copyOf(reserved);
  }

  private StreamLoadHeaders() {}
}
