package dev.pipelines.cdc.config.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a job's snapshot figures from the JobManager: the job (given, or the cluster's current one),
 * its vertices, the vertex that reports snapshot metrics, those metrics' aggregates. At most
 * 2 + vertices calls; a job has a handful of vertices.
 */
public final class SnapshotProgressReader {
  private final FlinkRestClient rest;

  public SnapshotProgressReader(FlinkRestClient rest) {
    this.rest = rest;
  }

  /** What the JobManager showed. */
  public sealed interface Reading {}

  /** There is no job (yet), or it is not running. */
  public record NoRunningJob(String jobId, String jobState) implements Reading {}

  /** The job runs, but no vertex reports snapshot figures (yet): not started, or restored after its snapshot. */
  public record NoSnapshotMetrics(String jobId) implements Reading {}

  public record Figures(String jobId, SnapshotFigures figures) implements Reading {}

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
      Map<String, String> ids = SnapshotFigures.snapshotMetricIds(rest.subtaskMetricIds(id, vertex));
      if (ids.isEmpty()) {
        continue;
      }
      Optional<SnapshotFigures> figures = SnapshotFigures.of(
          rest.subtaskMetrics(id, vertex, ids.values().stream().toList()), ids);
      String found = id;
      return figures.<Reading>map(f -> new Figures(found, f)).orElse(new NoSnapshotMetrics(id));
    }
    return new NoSnapshotMetrics(id);
  }
}
