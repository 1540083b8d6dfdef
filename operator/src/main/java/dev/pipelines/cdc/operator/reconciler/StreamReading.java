package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Conditions;
import dev.pipelines.cdc.operator.status.FlinkJobObservation;
import dev.pipelines.cdc.operator.status.StreamObservation;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * When the reconciler asks the job whether its stream has begun: for a pipeline with a FlinkDeployment
 * whose job the Flink operator reports RUNNING, until the answer is yes. Once the {@code Streaming}
 * condition is True it stays True without asking while the job keeps running (so a pipeline at rest
 * costs the JobManager nothing); a job that stops running (a redeploy, an upgrade, a failure the Flink
 * operator reports) makes it asked again once it runs.
 */
final class StreamReading {
  private final SnapshotProgress progress;

  StreamReading(SnapshotProgress progress) {
    this.progress = progress;
  }

  Optional<StreamObservation> read(CdcPipeline pipeline, Optional<FlinkDeployment> deployment) {
    if (deployment.isEmpty() || !progress.readsStream()) {
      return Optional.empty();
    }
    FlinkJobObservation job = FlinkJobObservation.of(deployment.get());
    if (!job.running()) {
      return Optional.of(new StreamObservation.NotYet("waiting for the Flink job to run (job state "
          + job.jobState() + ", lifecycle " + job.lifecycleState() + ")"));
    }
    if (streamingBefore(pipeline)) {
      return Optional.of(new StreamObservation.Started());
    }
    return Optional.of(progress.stream(deployment.get(), SnapshotReading.jobId(deployment.get())));
  }

  private static boolean streamingBefore(CdcPipeline pipeline) {
    return pipeline.getStatus() != null && pipeline.getStatus().conditions() != null
        && Conditions.find(pipeline.getStatus().conditions(), ConditionTypes.STREAMING).map(Condition::isTrue)
            .orElse(false);
  }
}
