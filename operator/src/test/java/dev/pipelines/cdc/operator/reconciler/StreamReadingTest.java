package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.desired.FlinkDeploymentFactory;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.status.SnapshotObservation;
import dev.pipelines.cdc.operator.status.StreamObservation;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

/** When the reconciler asks the JobManager whether the stream has begun, and what it reports without asking. */
class StreamReadingTest {
  /** Answers NotStarted and records each question. */
  private static final class Asked implements SnapshotProgress {
    final List<String> jobIds = new ArrayList<>();

    @Override
    public SnapshotObservation read(FlinkDeployment deployment, String jobId, long rowsEstimated) {
      throw new AssertionError("not asked here");
    }

    @Override
    public boolean readsStream() {
      return true;
    }

    @Override
    public StreamObservation stream(FlinkDeployment deployment, String jobId) {
      jobIds.add(String.valueOf(jobId));
      return new StreamObservation.NotStarted();
    }
  }

  @Test
  void aRunningJobIsAskedUntilItsStreamHasBegunAndThenNoMore() {
    Asked jm = new Asked();
    StreamReading reading = new StreamReading(jm);
    FlinkDeployment running = FlinkOperatorDouble.on(deployment()).deployedAndRunning().deployment();

    assertThat(reading.read(TestPipelines.minimal(), Optional.of(running)))
        .contains(new StreamObservation.NotStarted());
    assertThat(jm.jobIds).hasSize(1);

    CdcPipeline streaming = withStreaming(TestPipelines.minimal(), "True");
    assertThat(reading.read(streaming, Optional.of(running))).contains(new StreamObservation.Started());
    assertThat(jm.jobIds).as("not asked again once True").hasSize(1);

    assertThat(reading.read(withStreaming(TestPipelines.minimal(), "False"), Optional.of(running)))
        .contains(new StreamObservation.NotStarted());
    assertThat(jm.jobIds).hasSize(2);
  }

  @Test
  void aJobNotRunningIsNotAskedAndNoDeploymentOrAReaderOfSnapshotsOnlyGivesNoCondition() {
    Asked jm = new Asked();
    FlinkDeployment deploying = FlinkOperatorDouble.on(deployment()).firstReconcile().deployment();

    Optional<StreamObservation> seen = new StreamReading(jm).read(withStreaming(TestPipelines.minimal(), "True"),
        Optional.of(deploying));
    assertThat(seen).get().isInstanceOf(StreamObservation.NotYet.class);
    assertThat(((StreamObservation.NotYet) seen.get()).message()).contains("waiting for the Flink job to run");
    assertThat(jm.jobIds).isEmpty();

    assertThat(new StreamReading(jm).read(TestPipelines.minimal(), Optional.empty())).isEmpty();
    SnapshotProgress snapshotsOnly = (deployment, jobId, rows) -> new SnapshotObservation.NotYet("-");
    FlinkDeployment running = FlinkOperatorDouble.on(deployment()).deployedAndRunning().deployment();
    assertThat(new StreamReading(snapshotsOnly).read(TestPipelines.minimal(), Optional.of(running))).isEmpty();
  }

  private static FlinkDeployment deployment() {
    FlinkDeployment fd = FlinkDeploymentFactory.desired(TestPipelines.minimal(), TestOperatorSettings.settings(), "hash");
    fd.getMetadata().setGeneration(1L);
    return fd;
  }

  private static CdcPipeline withStreaming(CdcPipeline pipeline, String status) {
    Condition streaming = new Condition(ConditionTypes.STREAMING, status, 1L, "2026-01-01T00:00:00Z",
        "True".equals(status) ? Reasons.STREAM_STARTED : Reasons.STREAM_NOT_STARTED, "-");
    pipeline.setStatus(new CdcPipelineStatus(1L, null, List.of(streaming), null, null, null, null, null, null));
    return pipeline;
  }
}
