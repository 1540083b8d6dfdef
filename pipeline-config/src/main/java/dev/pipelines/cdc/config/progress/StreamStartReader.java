package dev.pipelines.cdc.config.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads from the JobManager whether a job's stream has begun ({@link StreamMetrics#STARTED}): the job
 * (given, or the cluster's current one), its vertices, the vertex whose subtasks report the gauge, the
 * gauge's maximum over them. At most 3 + vertices calls.
 */
public final class StreamStartReader {
  private final FlinkRestClient rest;

  public StreamStartReader(FlinkRestClient rest) {
    this.rest = rest;
  }

  /** What the JobManager showed. */
  public sealed interface Reading {}

  /** There is no job (yet), or it is not running. */
  public record NoRunningJob(String jobId, String jobState) implements Reading {}

  /** The job runs, but no vertex reports the gauge (yet: the JobManager fetches metrics every 10 s). */
  public record NotReported(String jobId) implements Reading {}

  /** The gauge: whether a checkpoint holds a position past the one the stream started from. */
  public record Started(String jobId, boolean started) implements Reading {}

  /**
   * @param jobId the job's id, or null for the cluster's current job
   * @throws IOException the JobManager could not be reached or answered an error
   */
  public Reading read(String jobId) throws IOException {
    JobLookup lookup = JobLookup.of(rest, jobId);
    if (!lookup.running()) {
      return new NoRunningJob(lookup.jobId(), lookup.state());
    }
    String id = lookup.jobId();
    JsonNode job = lookup.job();
    for (String vertex : SnapshotFigures.vertexIds(job)) {
      Optional<String> metric = startedMetricId(rest.subtaskMetricIds(id, vertex));
      if (metric.isEmpty()) {
        continue;
      }
      Optional<Long> max = SnapshotFigures.aggregate(rest.subtaskMetrics(id, vertex, List.of(metric.get())),
          metric.get(), "max");
      String found = id;
      return max.<Reading>map(m -> new Started(found, m >= 1)).orElse(new NotReported(id));
    }
    return new NotReported(id);
  }

  /** The REST id of the {@code started} gauge among a vertex's metric ids, if its subtasks report it. */
  static Optional<String> startedMetricId(JsonNode metricIds) {
    for (JsonNode metric : metricIds) {
      String id = metric.path("id").asText();
      if (StreamMetrics.matches(id, StreamMetrics.STARTED)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }
}
