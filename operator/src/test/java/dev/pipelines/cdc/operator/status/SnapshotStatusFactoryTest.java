package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.config.progress.SnapshotFigures;
import dev.pipelines.cdc.operator.Golden;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotPhase;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** status.snapshot through a snapshot's life, one observation a minute (golden file: the whole sequence). */
class SnapshotStatusFactoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final SnapshotObservation NOT_RUNNING =
      new SnapshotObservation.NotYet("waiting for the Flink job to run (job state null, lifecycle DEPLOYED)");
  private static final SnapshotObservation HALF = new SnapshotObservation.Read(
      new SnapshotFigures(3, 5, 40, 60, 1_234_567), 2_000_000);
  private static final SnapshotObservation DOWN = new SnapshotObservation.Unreadable(
      "the JobManager's REST API at http://orders-rest.shop:8081/ could not be read: ConnectException");
  private static final SnapshotObservation DONE = new SnapshotObservation.Read(
      new SnapshotFigures(5, 5, 60, 60, 2_003_112), 2_000_000);

  @Test
  void aSnapshotsLife() {
    Map<String, SnapshotStatus> steps = new LinkedHashMap<>();
    SnapshotStatus s = null;
    List<SnapshotObservation> seen = List.of(NOT_RUNNING, HALF, HALF, DOWN, HALF, DONE, NOT_RUNNING, DOWN);
    List<String> names = List.of("1-job-starting", "2-running", "3-unchanged", "4-jobmanager-unreachable",
        "5-running-again", "6-done", "7-job-restarting-after-done", "8-unreachable-after-done");
    for (int i = 0; i < seen.size(); i++) {
      s = SnapshotStatusFactory.build(s, seen.get(i), T0.plusSeconds(60L * i));
      steps.put(names.get(i), s);
    }
    Golden.assertMatches(steps, "snapshot-status-sequence.yaml");

    assertThat(steps.get("2-running").progress()).isEqualTo("61%");
    assertThat(steps.get("3-unchanged")).as("nothing changed: the same status, nothing to write")
        .isEqualTo(steps.get("2-running"));
    assertThat(steps.get("4-jobmanager-unreachable")).satisfies(u -> {
      assertThat(u.phase()).isEqualTo(SnapshotPhase.Unknown);
      assertThat(u.rowsCopied()).as("figures as last read").isEqualTo(1_234_567L);
      assertThat(u.message()).contains("could not be read");
    });
    assertThat(steps.get("6-done").progress()).isEqualTo("done");
    assertThat(steps.get("8-unreachable-after-done")).isEqualTo(steps.get("6-done"));
  }

  @Test
  void withoutAnEstimateTheSplitsMeasureIt() {
    SnapshotStatus s = SnapshotStatusFactory.build(null, new SnapshotObservation.Read(
        new SnapshotFigures(1, 2, 3, 4, 500), RowEstimates.UNKNOWN), T0);
    assertThat(s.percent()).isEqualTo(75);
    assertThat(s.rowsEstimated()).isNull();
  }

  @Test
  void thePipelineStatusCarriesItAndKeepsItWhenNothingWasRead() {
    Observation running = new Observation(2, List.of(), Optional.of(new CredentialsCheck(true, Reasons.SECRETS_FOUND,
        "ok")), Optional.empty(), Optional.of(new FlinkJobObservation("orders", "RUNNING", "STABLE", null)), false,
        Optional.empty(), Optional.of(HALF));
    CdcPipelineStatus first = StatusFactory.build(null, running, T0);
    Golden.assertMatches(first, "status-snapshot-running.yaml");

    Observation unread = new Observation(2, List.of(), running.credentials(), Optional.empty(), running.job(), false);
    assertThat(StatusFactory.build(first, unread, T0.plusSeconds(60)).snapshot()).isEqualTo(first.snapshot());
    List<SnapshotStatus> none = new ArrayList<>();
    none.add(StatusFactory.build(null, unread, T0).snapshot());
    assertThat(none).containsOnlyNulls();
  }
}
