package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/** How the pipeline's Flink job runs. */
public record JobSpec(
    @JsonPropertyDescription("Job image. Default: the image the operator was built with.") String image,
    @Default("1")
        @Min(1)
        @Max(JobSpec.FLINK_MAX_PARALLELISM)
        @JsonPropertyDescription("Job parallelism (snapshot readers and sink writers), at most the operator's"
            + " maxParallelism setting (default 64). Default: 1.")
        Integer parallelism,
    @Default(DEFAULT_CHECKPOINT_INTERVAL)
        @Pattern(Patterns.DURATION)
        @JsonPropertyDescription(
            "How often Flink checkpoints. Checkpoints advance the replication slot (so Postgres"
                + " can free WAL) and, with exactly-once, make rows visible. Default: 30s.")
        String checkpointInterval,
    @Default("savepoint")
        @JsonPropertyDescription(
            "How the job is upgraded on spec changes: savepoint (default), last-state, or stateless"
                + " (starts over: a new snapshot with startupMode initial).")
        UpgradeMode upgradeMode,
    @Default("false")
        @JsonPropertyDescription(
            "Stop the job (with a savepoint, per upgradeMode) but keep its replication slot, so"
                + " no change is lost. Postgres keeps WAL for the slot meanwhile.")
        Boolean suspend,
    @JsonPropertyDescription("JobManager resources. Default: 0.5 CPU, 1024m memory.") JobManagerResources jobManager,
    @JsonPropertyDescription("TaskManager resources. Default: 1 CPU, 2048m memory, 1 slot.")
        TaskManagerResources taskManager,
    @JsonPropertyDescription(
            "Flink configuration passed through to the FlinkDeployment. Keys the pipeline sets from"
                + " other fields (checkpoint interval, state directories) are refused.")
        Map<String, String> flinkConfiguration,
    @JsonPropertyDescription(
            "Durable directory (s3://, gs://, hdfs://, or a shared file:// volume) for checkpoints,"
                + " savepoints and high-availability metadata. Required unless upgradeMode is"
                + " stateless or the operator has a default.")
        String stateDir,
    @JsonPropertyDescription(
            "Service account the Flink pods run as. Default: the operator's setting (flink).")
        String serviceAccount) {

  public static final String DEFAULT_CHECKPOINT_INTERVAL = "30s";

  /**
   * Flink's own ceiling on (max) parallelism: {@code KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM},
   * 2^15, the number of key groups. The operator's {@code maxParallelism} setting is at most this.
   */
  public static final int FLINK_MAX_PARALLELISM = 32768;

  public JobSpec {
    parallelism = parallelism == null ? 1 : parallelism;
    checkpointInterval = checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
    upgradeMode = upgradeMode == null ? UpgradeMode.SAVEPOINT : upgradeMode;
    suspend = suspend == null ? Boolean.FALSE : suspend;
    jobManager = jobManager == null ? JobManagerResources.DEFAULT : jobManager;
    taskManager = taskManager == null ? TaskManagerResources.DEFAULT : taskManager;
    flinkConfiguration = flinkConfiguration == null ? Map.of() : Map.copyOf(flinkConfiguration);
  }

  static JobSpec defaults() {
    return new JobSpec(null, null, null, null, null, null, null, null, null, null);
  }
}
