package dev.pipelines.cdc.job;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Flink's own count of a job's restarts (the JobManager's {@code numRestarts} gauge), kept after the
 * job ended: a metric reporter in the test's mini-cluster reads the gauge when the job's metrics are
 * removed. Jobs are told apart by their id.
 */
public final class RestartCounter implements MetricReporter {
  private static final String METRIC = "numRestarts";
  private static final Map<String, Gauge<?>> LIVE = new ConcurrentHashMap<>();
  private static final Map<String, Long> FINAL = new ConcurrentHashMap<>();

  /** The configuration that installs the reporter. */
  static Map<String, String> flinkConfiguration() {
    return Map.of("metrics.reporter.restarts.factory.class", Factory.class.getName());
  }

  /** The job's restarts so far (or in all, once it ended); -1 if Flink never reported them. */
  static long restarts(JobID job) {
    Gauge<?> live = LIVE.get(job.toHexString());
    if (live != null) {
      return ((Number) live.getValue()).longValue();
    }
    return FINAL.getOrDefault(job.toHexString(), -1L);
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    String job = group.getAllVariables().get("<job_id>");
    if (METRIC.equals(name) && job != null && metric instanceof Gauge<?> gauge
        && group.getAllVariables().get("<task_id>") == null) {
      LIVE.put(job, gauge);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    String job = group.getAllVariables().get("<job_id>");
    if (METRIC.equals(name) && job != null && LIVE.get(job) == metric) {
      FINAL.put(job, ((Number) ((Gauge<?>) metric).getValue()).longValue());
      LIVE.remove(job);
    }
  }

  /** Found by Flink through META-INF/services, named by {@code metrics.reporter.restarts.factory.class}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new RestartCounter();
    }
  }
}
