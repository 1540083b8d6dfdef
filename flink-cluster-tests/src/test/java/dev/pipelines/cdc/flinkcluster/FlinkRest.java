package dev.pipelines.cdc.flinkcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The few answers of the JobManager's REST API the tests wait on; empty while it cannot answer. */
final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  FlinkRest(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** TaskManagers registered with the (leading) JobManager's resource manager. */
  Optional<Integer> taskManagers() {
    return get("/overview").map(o -> o.path("taskmanagers").asInt());
  }

  /** The job's state (RUNNING, RESTARTING, ...). */
  Optional<String> jobState(String jobId) {
    return get("/jobs/" + jobId).map(j -> j.path("state").asText());
  }

  /**
   * Whether the job runs and every one of its tasks does (not merely scheduled or deploying), or has
   * finished (a bounded snapshot reader may end while the rest of the job runs on).
   */
  boolean allTasksRunning(String jobId) {
    return get("/jobs/" + jobId).map(j -> {
      if (!j.path("state").asText().equals("RUNNING")) {
        return false;
      }
      for (JsonNode v : j.path("vertices")) {
        JsonNode counts = v.path("tasks");
        if (counts.path("RUNNING").asInt() + counts.path("FINISHED").asInt() != v.path("parallelism").asInt()) {
          return false;
        }
      }
      return j.path("vertices").size() > 0;
    }).orElse(false);
  }

  /** Completed checkpoints of this JobManager's run of the job (a new JobManager counts from its restore). */
  Optional<Long> completedCheckpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints").map(c -> c.path("counts").path("completed").asLong());
  }

  /**
   * The job's failures under this JobManager, newest first (each restarted the job), from its
   * exception history: unlike the {@code numRestarts} metric it is not fetched on an interval.
   */
  Optional<java.util.List<String>> failures(String jobId) {
    return get("/jobs/" + jobId + "/exceptions").map(e -> {
      java.util.List<String> failures = new java.util.ArrayList<>();
      for (JsonNode entry : e.path("exceptionHistory").path("entries")) {
        failures.add(entry.path("exceptionName").asText() + ": " + entry.path("stacktrace").asText().lines()
            .findFirst().orElse(""));
      }
      return failures;
    });
  }

  private Optional<JsonNode> get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return base;
  }
}
