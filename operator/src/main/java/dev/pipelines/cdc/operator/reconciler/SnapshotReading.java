package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.status.FlinkJobObservation;
import dev.pipelines.cdc.operator.status.SnapshotObservation;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * When the reconciler asks the job for its snapshot's progress: only for a pipeline that takes a
 * snapshot (startupMode initial) and has a FlinkDeployment. The JobManager is asked only while the
 * Flink operator reports the job RUNNING; otherwise the snapshot waits (Pending, or Done as it was).
 */
final class SnapshotReading {
  private final SnapshotProgress progress;

  SnapshotReading(SnapshotProgress progress) {
    this.progress = progress;
  }

  Optional<SnapshotObservation> read(CdcPipeline pipeline, Optional<FlinkDeployment> deployment,
      Optional<PreflightReport> preflight) {
    if (deployment.isEmpty() || !takesSnapshot(pipeline)) {
      return Optional.empty();
    }
    FlinkJobObservation job = FlinkJobObservation.of(deployment.get());
    if (!job.running()) {
      return Optional.of(new SnapshotObservation.NotYet("waiting for the Flink job to run (job state "
          + job.jobState() + ", lifecycle " + job.lifecycleState() + ")"));
    }
    long rowsEstimated = preflight.map(p -> p.source().rowsEstimated()).orElse(RowEstimates.UNKNOWN);
    return Optional.of(progress.read(deployment.get(), jobId(deployment.get()), rowsEstimated));
  }

  private static boolean takesSnapshot(CdcPipeline pipeline) {
    var spec = pipeline.getSpec();
    return spec != null && spec.source() != null && spec.source().postgres() != null
        && spec.source().postgres().startupMode() == StartupMode.INITIAL;
  }

  /** The Flink job's id from the FlinkDeployment's status; null if it reports none. */
  static String jobId(FlinkDeployment deployment) {
    var status = deployment.getStatus();
    return status == null || status.getJobStatus() == null ? null : status.getJobStatus().getJobId();
  }
}
