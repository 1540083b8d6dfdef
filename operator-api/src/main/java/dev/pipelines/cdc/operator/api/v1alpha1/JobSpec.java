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
    @Default(DEFAULT_PARALLELISM)
        @Min(1)
        @Max(JobSpec.FLINK_MAX_PARALLELISM)
        @JsonPropertyDescription("Job parallelism (snapshot readers and sink writers), at most the operator's"
            + " maxParallelism setting (default 64). Default: " + DEFAULT_PARALLELISM + ".")
        Integer parallelism,
    @Default(DEFAULT_CHECKPOINT_INTERVAL)
        @Pattern(Patterns.DURATION)
        @JsonPropertyDescription(
            "How often Flink checkpoints. Checkpoints advance the replication slot (so Postgres"
                + " can free WAL) and, with exactly-once, make rows visible. Default: " + DEFAULT_CHECKPOINT_INTERVAL + ".")
        String checkpointInterval,
    @Default(DEFAULT_UPGRADE_MODE)
        @JsonPropertyDescription(
            "How the job is upgraded on spec changes: savepoint, last-state, or stateless"
                + " (starts over: a new snapshot with startupMode initial). Default: " + DEFAULT_UPGRADE_MODE + ".")
        UpgradeMode upgradeMode,
    @Default(DEFAULT_SUSPEND)
        @JsonPropertyDescription(
            "Stop the job (with a savepoint, per upgradeMode) but keep its replication slot, so"
                + " no change is lost. Postgres keeps WAL for the slot meanwhile. Default: " + DEFAULT_SUSPEND + ".")
        Boolean suspend,
    @JsonPropertyDescription("JobManager resources. Default: " + JobManagerResources.DEFAULT_CPU + " CPU, "
            + JobManagerResources.DEFAULT_MEMORY + " memory.")
        JobManagerResources jobManager,
    @JsonPropertyDescription("TaskManager resources. Default: " + TaskManagerResources.DEFAULT_CPU + " CPU, "
            + TaskManagerResources.DEFAULT_MEMORY + " memory, " + TaskManagerResources.DEFAULT_TASK_SLOTS + " slot.")
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

  // Each default is one String constant: @Default and the description need compile-time
  // constants, and the constructor parses the typed value from the same text (CrdDefaultsTest
  // checks every default of the generated CRD against what the constructor yields).
  public static final String DEFAULT_PARALLELISM = "1";
  public static final String DEFAULT_CHECKPOINT_INTERVAL = "30s";
  public static final String DEFAULT_UPGRADE_MODE = "savepoint";
  public static final String DEFAULT_SUSPEND = "false";

  /**
   * Flink's own ceiling on (max) parallelism: {@code KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM},
   * 2^15, the number of key groups. The operator's {@code maxParallelism} setting is at most this.
   */
  public static final int FLINK_MAX_PARALLELISM = 32768;

  public JobSpec {
    parallelism = parallelism == null ? Integer.valueOf(DEFAULT_PARALLELISM) : parallelism;
    checkpointInterval = checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
    upgradeMode = upgradeMode == null ? JsonEnums.of(UpgradeMode.class, DEFAULT_UPGRADE_MODE) : upgradeMode;
    suspend = suspend == null ? Boolean.valueOf(DEFAULT_SUSPEND) : suspend;
    jobManager = jobManager == null ? JobManagerResources.DEFAULT : jobManager;
    taskManager = taskManager == null ? TaskManagerResources.DEFAULT : taskManager;
    flinkConfiguration = flinkConfiguration == null ? Map.of() : Map.copyOf(flinkConfiguration);
  }

  static JobSpec defaults() {
    return new JobSpec(null, null, null, null, null, null, null, null, null, null);
  }
}
