package dev.pipelines.cdc.config.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The job a progress reader asks about: the given one, or the cluster's current one
 * ({@link SnapshotFigures#currentJobId}), with its state and answer to {@code GET /jobs/<id>}.
 *
 * @param jobId null when the cluster runs no job yet
 * @param state the job's state, null when there is no job
 * @param job {@code GET /jobs/<id>}, null when there is no job
 */
record JobLookup(String jobId, String state, JsonNode job) {

  /** @param jobId the job's id, or null for the cluster's current job */
  static JobLookup of(FlinkRestClient rest, String jobId) throws IOException {
    String id = jobId;
    if (id == null) {
      Optional<String> current = SnapshotFigures.currentJobId(rest.jobsOverview());
      if (current.isEmpty()) {
        return new JobLookup(null, null, null);
      }
      id = current.get();
    }
    JsonNode job = rest.job(id);
    return new JobLookup(id, SnapshotFigures.jobState(job), job);
  }

  boolean running() {
    return "RUNNING".equals(state);
  }
}
