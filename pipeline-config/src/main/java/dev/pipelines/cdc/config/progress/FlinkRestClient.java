package dev.pipelines.cdc.config.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The few JobManager REST calls the snapshot's progress needs (Flink 1.19's REST API, served by the
 * JobManager's {@code rest.port}, 8081 by default):
 *
 * <ul>
 *   <li>{@code GET /jobs/overview}: the cluster's jobs (an application cluster runs one);
 *   <li>{@code GET /jobs/<jobId>}: the job's state and its vertices;
 *   <li>{@code GET /jobs/<jobId>/vertices/<vertexId>/subtasks/metrics}: the ids of the metrics its
 *       subtasks report, and with {@code ?get=<ids>&agg=max,sum} their aggregates.
 * </ul>
 *
 * <p>Answers are returned as Jackson trees; {@link SnapshotFigures} turns them into figures. Metric
 * values are what the JobManager last fetched from the TaskManagers ({@code metrics.fetcher.update-interval},
 * 10 s by default), so they trail the job by up to that long.
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base the REST endpoint, e.g. {@code http://demo-rest.cdc:8081}
   * @param timeout for connecting and for each answer: a reconcile never waits longer per call
   */
  public FlinkRestClient(URI base, Duration timeout) {
    this(base, timeout, httpClient(timeout));
  }

  /** @param http shared by many JobManagers' clients (each JDK client keeps a selector thread) */
  public FlinkRestClient(URI base, Duration timeout, HttpClient http) {
    this.base = base;
    this.timeout = timeout;
    this.http = http;
  }

  /** A JDK HTTP client for {@link #FlinkRestClient(URI, Duration, HttpClient)}. */
  public static HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public URI base() {
    return base;
  }

  public JsonNode jobsOverview() throws IOException {
    return get("/jobs/overview");
  }

  public JsonNode job(String jobId) throws IOException {
    return get("/jobs/" + segment(jobId));
  }

  /** {@code [{"id": "..."}, ...]}: the metrics the vertex's subtasks report. */
  public JsonNode subtaskMetricIds(String jobId, String vertexId) throws IOException {
    return get(subtaskMetricsPath(jobId, vertexId));
  }

  /** {@code [{"id": "...", "max": 3.0, "sum": 6.0}, ...]}: those metrics' maximum and sum over the subtasks. */
  public JsonNode subtaskMetrics(String jobId, String vertexId, List<String> metricIds) throws IOException {
    String get = metricIds.stream().map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8))
        .collect(Collectors.joining(","));
    return get(subtaskMetricsPath(jobId, vertexId) + "?get=" + get + "&agg=max,sum");
  }

  private static String subtaskMetricsPath(String jobId, String vertexId) {
    return "/jobs/" + segment(jobId) + "/vertices/" + segment(vertexId) + "/subtasks/metrics";
  }

  /** Job and vertex ids are 32 hex digits; anything else is refused before it reaches a URL. */
  static String segment(String id) {
    if (id == null || !id.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("not a Flink job or vertex id (32 hex digits): " + id);
    }
    return id;
  }

  private JsonNode get(String pathAndQuery) throws IOException {
    URI uri = base.resolve(pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri, e);
    }
    if (response.statusCode() != 200) {
      String body = response.body() == null ? "" : response.body();
      throw new IOException("GET " + uri + " answered " + response.statusCode()
          + (body.isBlank() ? "" : ": " + abbreviate(body)));
    }
    return JSON.readTree(response.body());
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
