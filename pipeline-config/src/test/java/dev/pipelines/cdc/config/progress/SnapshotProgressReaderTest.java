package dev.pipelines.cdc.config.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.testsupport.flink.FakeJobManager;
import dev.pipelines.cdc.testsupport.flink.RecordedJob;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reader over HTTP, against the answers a real JobManager gave (served by a fake one). */
class SnapshotProgressReaderTest {
  private static final RecordedJob RECORDED = RecordedJob.fixtures();

  @Test
  void readsTheRecordedJobsFiguresWithOrWithoutItsId() throws Exception {
    try (FakeJobManager jm = RECORDED.serveOn(FakeJobManager.start(), "subtasks-metrics-snapshot-running.json")) {
      SnapshotProgressReader reader = new SnapshotProgressReader(new FlinkRestClient(jm.uri(), Duration.ofSeconds(2)));
      SnapshotProgressReader.Reading byId = reader.read(RECORDED.jobId());
      assertThat(byId).isInstanceOf(SnapshotProgressReader.Figures.class);
      SnapshotFigures f = ((SnapshotProgressReader.Figures) byId).figures();
      assertThat(f.tablesTotal()).isEqualTo(2);
      assertThat(f.done()).isFalse();
      assertThat(reader.read(null)).as("the cluster's current job").isEqualTo(byId);
      assertThat(jm.requests()).anyMatch(r -> r.contains("/subtasks/metrics?get=") && r.contains("agg=max,sum"));
    }
  }

  @Test
  void aJobWithoutSnapshotMetricsAndAJobNotRunning() throws Exception {
    try (FakeJobManager jm = RECORDED.serveOn(FakeJobManager.start(), "subtasks-metrics-snapshot-running.json")) {
      // The stream-only job: no vertex reports snapshot metrics.
      jm.answer("/jobs/" + RECORDED.jobId() + "/vertices/" + RECORDED.snapshotVertexId() + "/subtasks/metrics", 200,
          RECORDED.file("subtasks-metric-ids-other-vertex.json"));
      SnapshotProgressReader reader = new SnapshotProgressReader(new FlinkRestClient(jm.uri(), Duration.ofSeconds(2)));
      assertThat(reader.read(RECORDED.jobId())).isEqualTo(new SnapshotProgressReader.NoSnapshotMetrics(RECORDED.jobId()));

      jm.answer("/jobs/" + RECORDED.jobId(), 200, RECORDED.file("job-running.json").replace("\"RUNNING\"", "\"RESTARTING\""));
      assertThat(reader.read(RECORDED.jobId()))
          .isEqualTo(new SnapshotProgressReader.NoRunningJob(RECORDED.jobId(), "RESTARTING"));
    }
  }

  @Test
  void anErrorAnswerOrNoServerIsAnIoExceptionThatSaysWhere() throws Exception {
    String unknownJob = "0123456789abcdef0123456789abcdef";
    try (FakeJobManager jm = FakeJobManager.start()) {
      FlinkRestClient rest = new FlinkRestClient(jm.uri(), Duration.ofSeconds(2));
      assertThatThrownBy(() -> new SnapshotProgressReader(rest).read(unknownJob)).isInstanceOf(IOException.class)
          .hasMessageContaining("/jobs/" + unknownJob + " answered 404").hasMessageContaining("Not found");
    }
    FlinkRestClient nobody = new FlinkRestClient(java.net.URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1));
    assertThatThrownBy(() -> nobody.job(unknownJob)).isInstanceOf(IOException.class);
  }

  @Test
  void onlyFlinkIdsReachTheUrl() {
    FlinkRestClient rest = new FlinkRestClient(java.net.URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1));
    assertThatThrownBy(() -> rest.job("../../etc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 hex digits");
  }
}
