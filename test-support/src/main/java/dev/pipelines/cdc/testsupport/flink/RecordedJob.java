package dev.pipelines.cdc.testsupport.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flink REST answers recorded from a real job ({@code hack/record-flink-rest-fixtures.sh}, into
 * {@code pipeline-config/src/test/resources/flink-rest/}, see its README), served by a
 * {@link FakeJobManager} at the paths the real JobManager served them.
 */
public final class RecordedJob {
  /** The fixtures, from any module's directory (tests run in their module's directory). */
  public static final Path FIXTURES = Path.of("../pipeline-config/src/test/resources/flink-rest");

  private static final Pattern JOB_ID = Pattern.compile("\"jid\"\\s*:\\s*\"([0-9a-f]{32})\"");

  private final Path dir;

  public RecordedJob(Path dir) {
    this.dir = dir;
  }

  public static RecordedJob fixtures() {
    return new RecordedJob(FIXTURES);
  }

  public String file(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jobId() {
    Matcher m = JOB_ID.matcher(file("job-running.json"));
    if (!m.find()) {
      throw new IllegalStateException("no jid in " + dir.resolve("job-running.json"));
    }
    return m.group(1);
  }

  public String snapshotVertexId() {
    return file("snapshot-vertex-id.txt").trim();
  }

  public String otherVertexId() {
    return file("other-vertex-id.txt").trim();
  }

  /**
   * Serves the recorded job with the snapshot's figures of {@code metricsFile}
   * ({@code subtasks-metrics-snapshot-running.json} or {@code -done.json}).
   */
  public FakeJobManager serveOn(FakeJobManager fake, String metricsFile) {
    String job = "/jobs/" + jobId();
    String snapshot = job + "/vertices/" + snapshotVertexId() + "/subtasks/metrics";
    String other = job + "/vertices/" + otherVertexId() + "/subtasks/metrics";
    return fake.answer("/jobs/overview", 200, file("jobs-overview.json"))
        .answer(job, 200, file("job-running.json"))
        .answer(snapshot, 200, file("subtasks-metric-ids-snapshot-vertex.json"))
        .answerQuery(snapshot, 200, file(metricsFile))
        .answer(other, 200, file("subtasks-metric-ids-other-vertex.json"));
  }
}
