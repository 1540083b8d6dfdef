package dev.pipelines.cdc.config.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the snapshot is, as the job's metrics tell it, and the pure functions that read it from
 * the JobManager's REST answers ({@link FlinkRestClient}).
 *
 * <p>The snapshot source's vertex is the one whose subtasks report {@link SnapshotMetrics} (ids
 * {@code [<operator>.]snapshot.<name>}), not a vertex of some name: renaming or rechaining the
 * operator changes nothing.
 *
 * @param tablesDone captured tables read to the end
 * @param tablesTotal captured tables
 * @param splitsDone splits read to the end
 * @param splitsTotal splits of the snapshot
 * @param rowsCopied rows the readers have read and emitted (a split read again after a restore
 *     counts twice)
 */
public record SnapshotFigures(int tablesDone, int tablesTotal, int splitsDone, int splitsTotal, long rowsCopied) {

  /** Every split has been read. */
  public boolean done() {
    return splitsTotal >= 0 && splitsDone >= splitsTotal;
  }

  /** The job's state in {@code GET /jobs/<id>}, e.g. RUNNING. */
  public static String jobState(JsonNode job) {
    return job.path("state").asText("");
  }

  /** The vertex ids in {@code GET /jobs/<id>}, in the job's order. */
  public static List<String> vertexIds(JsonNode job) {
    List<String> ids = new ArrayList<>();
    for (JsonNode vertex : job.path("vertices")) {
      ids.add(vertex.path("id").asText());
    }
    return ids;
  }

  /**
   * The job of an application cluster in {@code GET /jobs/overview}: the one not in a terminal
   * state, else the newest one (empty: no job yet).
   */
  public static Optional<String> currentJobId(JsonNode overview) {
    JsonNode best = null;
    for (JsonNode job : overview.path("jobs")) {
      boolean live = !List.of("FINISHED", "CANCELED", "FAILED").contains(job.path("state").asText());
      if (live) {
        return Optional.of(job.path("jid").asText());
      }
      if (best == null || job.path("start-time").asLong() > best.path("start-time").asLong()) {
        best = job;
      }
    }
    return Optional.ofNullable(best).map(j -> j.path("jid").asText());
  }

  /**
   * The REST ids of the snapshot's figures among a vertex's metric ids
   * ({@code GET .../subtasks/metrics}), by figure name ({@link SnapshotMetrics#ROWS_READ} and
   * {@link SnapshotMetrics#COUNTS}); empty when the vertex does not run the snapshot source.
   */
  public static Map<String, String> snapshotMetricIds(JsonNode metricIds) {
    Map<String, String> byName = new LinkedHashMap<>();
    List<String> wanted = new ArrayList<>(SnapshotMetrics.COUNTS);
    wanted.add(SnapshotMetrics.ROWS_READ);
    for (JsonNode metric : metricIds) {
      String id = metric.path("id").asText();
      String name = belowSnapshotGroup(id);
      if (name != null && wanted.contains(name)) {
        byName.putIfAbsent(name, id);
      }
    }
    return byName;
  }

  /**
   * The figures from {@code GET .../subtasks/metrics?get=<ids>&agg=max,sum} (ids as found by
   * {@link #snapshotMetricIds}); empty while the enumerator's counts have not reached a reader
   * (its gauges read -1, or no table is counted) or a figure is missing.
   */
  public static Optional<SnapshotFigures> of(JsonNode aggregated, Map<String, String> idsByName) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode metric : aggregated) {
      byId.put(metric.path("id").asText(), metric);
    }
    Optional<Long> splitsTotal = value(byId, idsByName.get(SnapshotMetrics.SPLITS_TOTAL), "max");
    Optional<Long> splitsDone = value(byId, idsByName.get(SnapshotMetrics.SPLITS_DONE), "max");
    Optional<Long> tablesTotal = value(byId, idsByName.get(SnapshotMetrics.TABLES_TOTAL), "max");
    Optional<Long> tablesDone = value(byId, idsByName.get(SnapshotMetrics.TABLES_DONE), "max");
    Optional<Long> rows = value(byId, idsByName.get(SnapshotMetrics.ROWS_READ), "sum");
    // A pipeline captures at least one table: no table counted means the count has not arrived (a
    // job older than the -1 default reports zeros until then), not a snapshot of nothing that is done.
    if (splitsTotal.isEmpty() || splitsDone.isEmpty() || tablesTotal.isEmpty() || tablesDone.isEmpty()
        || splitsTotal.get() < 0 || tablesTotal.get() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new SnapshotFigures(tablesDone.get().intValue(), tablesTotal.get().intValue(),
        splitsDone.get().intValue(), splitsTotal.get().intValue(), rows.orElse(0L)));
  }

  /**
   * {@code rowsRead} for {@code Source__x.snapshot.rowsRead} or {@code snapshot.rowsRead};
   * {@code table.s.t.rowsRead} for a per-table counter; null for ids outside the group.
   */
  static String belowSnapshotGroup(String id) {
    String group = SnapshotMetrics.GROUP + ".";
    for (int i = id.indexOf(group); i >= 0; i = id.indexOf(group, i + 1)) {
      if (i == 0 || id.charAt(i - 1) == '.') {
        return id.substring(i + group.length());
      }
    }
    return null;
  }

  /**
   * One aggregate ({@code max} or {@code sum}) of metric {@code id} in
   * {@code GET .../subtasks/metrics?get=…&agg=max,sum}, rounded; empty if missing or not a number.
   */
  static Optional<Long> aggregate(JsonNode aggregated, String id, String aggregate) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode metric : aggregated) {
      byId.put(metric.path("id").asText(), metric);
    }
    return value(byId, id, aggregate);
  }

  private static Optional<Long> value(Map<String, JsonNode> byId, String id, String aggregate) {
    if (id == null || !byId.containsKey(id)) {
      return Optional.empty();
    }
    JsonNode value = byId.get(id).get(aggregate);
    if (value == null || !(value.isNumber() || value.isTextual())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.round(value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
