package dev.pipelines.cdc.config.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.testsupport.flink.RecordedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures read from answers a real Flink 1.19 JobManager gave while the local demo snapshotted. */
class SnapshotFiguresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordedJob RECORDED = RecordedJob.fixtures();

  @Test
  void theSnapshotVertexIsTheOneReportingSnapshotMetricsWhateverItsName() throws Exception {
    Map<String, String> ids = SnapshotFigures.snapshotMetricIds(json("subtasks-metric-ids-snapshot-vertex.json"));
    assertThat(ids).containsOnlyKeys("splitsTotal", "splitsDone", "tablesTotal", "tablesDone", "rowsRead");
    assertThat(ids.get("rowsRead")).as("the per-table counters are not the total").endsWith(".snapshot.rowsRead")
        .doesNotContain(".table.");
    assertThat(SnapshotFigures.snapshotMetricIds(json("subtasks-metric-ids-other-vertex.json"))).isEmpty();

    String renamed = RECORDED.file("subtasks-metric-ids-snapshot-vertex.json").replace("Source__postgres-cdc",
        "Source__renamed_source");
    assertThat(SnapshotFigures.snapshotMetricIds(JSON.readTree(renamed)).get("splitsDone"))
        .isEqualTo("Source__renamed_source.snapshot.splitsDone");
  }

  @Test
  void figuresWhileSnapshotting() throws Exception {
    SnapshotFigures f = figures("subtasks-metrics-snapshot-running.json");
    assertThat(f.tablesTotal()).isEqualTo(2);
    assertThat(f.splitsTotal()).isGreaterThan(f.splitsDone());
    assertThat(f.splitsDone()).isPositive();
    assertThat(f.rowsCopied()).as("the sum over the readers").isEqualTo(sum("subtasks-metrics-snapshot-running.json"));
    assertThat(f.done()).isFalse();
  }

  @Test
  void figuresOnceDone() throws Exception {
    SnapshotFigures f = figures("subtasks-metrics-snapshot-done.json");
    assertThat(f.done()).isTrue();
    assertThat(f.tablesDone()).isEqualTo(2);
    assertThat(f.splitsDone()).isEqualTo(f.splitsTotal());
    assertThat(f.rowsCopied()).as("every row of both sample tables, read once").isEqualTo(1_000_000 + 1_000);
  }

  @Test
  void noFiguresBeforeTheCountsReachAReader() throws Exception {
    // A reader's gauges read -1 until the enumerator's first count arrives.
    String before = RECORDED.file("subtasks-metrics-snapshot-running.json")
        .replaceAll("(?s)(\"id\"\\s*:\\s*\"[^\"]*splitsTotal\",\\s*\"max\"\\s*:\\s*)\\d+", "$1-1");
    assertThat(before).contains("-1");
    assertThat(SnapshotFigures.of(JSON.readTree(before), ids())).isEmpty();
    assertThat(SnapshotFigures.of(JSON.readTree("[]"), ids())).isEmpty();
  }

  @Test
  void zerosEverywhereAreNoFiguresNotADoneSnapshot() throws Exception {
    // What a reader showed before the count arrived while it started at 0: "0 of 0 splits" would be done.
    String zeros = RECORDED.file("subtasks-metrics-snapshot-running.json")
        .replaceAll("(?s)(\"id\"\\s*:\\s*\"[^\"]*(splitsTotal|splitsDone|tablesTotal|tablesDone)\",\\s*\"max\"\\s*:\\s*)\\d+(\\.\\d+)?", "$10");
    assertThat(zeros).containsPattern("tablesTotal\",\\s*\"max\"\\s*:\\s*0,");
    assertThat(SnapshotFigures.of(JSON.readTree(zeros), ids())).isEmpty();
  }

  @Test
  void theMetricNameBelowTheSnapshotGroup() {
    assertThat(SnapshotFigures.belowSnapshotGroup("Source__x.snapshot.rowsRead")).isEqualTo("rowsRead");
    assertThat(SnapshotFigures.belowSnapshotGroup("snapshot.splitsDone")).isEqualTo("splitsDone");
    assertThat(SnapshotFigures.belowSnapshotGroup("Source__x.snapshot.table.s_snapshot.rowsRead"))
        .isEqualTo("table.s_snapshot.rowsRead");
    assertThat(SnapshotFigures.belowSnapshotGroup("Source__mysnapshot.numRecordsOut")).isNull();
  }

  @Test
  void theJobAndItsVertices() throws Exception {
    JsonNode job = json("job-running.json");
    assertThat(SnapshotFigures.jobState(job)).isEqualTo("RUNNING");
    assertThat(SnapshotFigures.vertexIds(job)).containsExactlyInAnyOrder(RECORDED.snapshotVertexId(),
        RECORDED.otherVertexId());
    assertThat(SnapshotFigures.currentJobId(json("jobs-overview.json"))).contains(RECORDED.jobId());
    assertThat(SnapshotFigures.currentJobId(JSON.readTree("{\"jobs\":[]}"))).isEmpty();
    assertThat(SnapshotFigures.currentJobId(JSON.readTree("{\"jobs\":[{\"jid\":\"a\",\"state\":\"FAILED\",\"start-time\":1},"
        + "{\"jid\":\"b\",\"state\":\"RUNNING\",\"start-time\":0}]}"))).contains("b");
  }

  private static SnapshotFigures figures(String file) throws Exception {
    return SnapshotFigures.of(json(file), ids()).orElseThrow();
  }

  private static Map<String, String> ids() throws Exception {
    return SnapshotFigures.snapshotMetricIds(json("subtasks-metric-ids-snapshot-vertex.json"));
  }

  private static long sum(String file) throws Exception {
    for (JsonNode m : json(file)) {
      if (m.path("id").asText().endsWith(".snapshot.rowsRead")) {
        return m.path("sum").asLong();
      }
    }
    throw new AssertionError("no rowsRead in " + file);
  }

  private static JsonNode json(String file) throws Exception {
    return JSON.readTree(RECORDED.file(file));
  }

}
