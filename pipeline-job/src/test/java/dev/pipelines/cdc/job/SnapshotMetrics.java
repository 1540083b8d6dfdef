package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.progress.StreamMetrics;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * The snapshot readers' metrics of a job in the test's mini-cluster, as a metric reporter sees
 * them: rows read per table ({@code snapshot.table.<t>.rowsRead}, summed over readers, kept after
 * the job ended) and the readers' {@code snapshot.tablesDone} gauge (the operator reads the same).
 */
public final class SnapshotMetrics implements MetricReporter {
  private static final String TABLE_ROWS = "snapshot.table.";
  private static final Map<String, Map<String, List<Counter>>> ROWS = new ConcurrentHashMap<>();
  private static final Map<String, List<Gauge<?>>> TABLES_DONE = new ConcurrentHashMap<>();
  private static final Map<String, List<Gauge<?>>> STREAM_STARTED = new ConcurrentHashMap<>();
  private static final Map<String, List<Gauge<?>>> SLOT_AHEAD = new ConcurrentHashMap<>();
  private static final Map<String, List<Gauge<?>>> CHECKPOINTED_LSN = new ConcurrentHashMap<>();

  static Map<String, String> flinkConfiguration() {
    return Map.of("metrics.reporter.snapshotrows.factory.class", Factory.class.getName());
  }

  /** Rows the job's snapshot readers read of {@code table} so far. */
  static long rowsRead(JobID job, String table) {
    return ROWS.getOrDefault(job.toHexString(), Map.of()).getOrDefault(table, List.of()).stream()
        .mapToLong(Counter::getCount).sum();
  }

  /** The highest {@code snapshot.tablesDone} any reader of the job shows; -1 before one registered it. */
  static long tablesDone(JobID job) {
    return TABLES_DONE.getOrDefault(job.toHexString(), List.of()).stream()
        .mapToLong(g -> ((Number) g.getValue()).longValue()).max().orElse(-1);
  }

  /** The highest {@code stream.started} any stream reader of the job shows; -1 before one registered it. */
  static long streamStarted(JobID job) {
    return STREAM_STARTED.getOrDefault(job.toHexString(), List.of()).stream()
        .mapToLong(g -> ((Number) g.getValue()).longValue()).max().orElse(-1);
  }

  /** The highest {@code stream.checkpointedLsn} of the job's stream readers (an LSN as a number); -1 before one. */
  static long checkpointedLsn(JobID job) {
    return CHECKPOINTED_LSN.getOrDefault(job.toHexString(), List.of()).stream()
        .mapToLong(g -> ((Number) g.getValue()).longValue()).max().orElse(-1);
  }

  /** The highest {@code stream.slotAheadAtStartBytes} of the job's stream readers; -1 before one registered it. */
  static long slotAheadAtStart(JobID job) {
    return SLOT_AHEAD.getOrDefault(job.toHexString(), List.of()).stream()
        .mapToLong(g -> ((Number) g.getValue()).longValue()).max().orElse(-1);
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    String job = group.getAllVariables().get("<job_id>");
    String id = group.getMetricIdentifier(name);
    if (job == null || group.getAllVariables().get("<task_id>") == null) {
      return;
    }
    // addGroup("table", t) is a key-value group: its value is the variable <table>.
    String table = group.getAllVariables().get("<table>");
    if (metric instanceof Counter counter && "rowsRead".equals(name) && table != null && id.contains(TABLE_ROWS)) {
      ROWS.computeIfAbsent(job, j -> new ConcurrentHashMap<>())
          .computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(counter);
    } else if (metric instanceof Gauge<?> gauge && id.endsWith("snapshot.tablesDone")) {
      TABLES_DONE.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(gauge);
    } else if (metric instanceof Gauge<?> gauge && StreamMetrics.matches(id, StreamMetrics.STARTED)) {
      STREAM_STARTED.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(gauge);
    } else if (metric instanceof Gauge<?> gauge && StreamMetrics.matches(id, StreamMetrics.SLOT_AHEAD_AT_START_BYTES)) {
      SLOT_AHEAD.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(gauge);
    } else if (metric instanceof Gauge<?> gauge && StreamMetrics.matches(id, StreamMetrics.CHECKPOINTED_LSN)) {
      CHECKPOINTED_LSN.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(gauge);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    // Counters are kept (their counts stay readable); nothing to release.
  }

  /** Found by Flink through META-INF/services, named by {@code metrics.reporter.snapshotrows.factory.class}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new SnapshotMetrics();
    }
  }
}
