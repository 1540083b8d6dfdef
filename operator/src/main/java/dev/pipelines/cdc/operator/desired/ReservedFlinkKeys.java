package dev.pipelines.cdc.operator.desired;

import java.util.Map;
import java.util.Optional;

/**
 * Flink configuration keys that the pipeline derives from spec fields. A user setting them in
 * {@code flinkConfiguration} would silently fight those fields, so validation refuses them and
 * names the field to use instead.
 */
public final class ReservedFlinkKeys {
  private static final Map<String, String> FIELD_BY_KEY =
      Map.ofEntries(
          Map.entry(FlinkConfigKeys.CHECKPOINT_INTERVAL, "spec.job.checkpointInterval"),
          Map.entry(FlinkConfigKeys.CHECKPOINTS_DIR, "spec.job.stateDir"),
          Map.entry(FlinkConfigKeys.SAVEPOINTS_DIR, "spec.job.stateDir"),
          Map.entry(FlinkConfigKeys.HA_TYPE, "spec.job.stateDir"),
          Map.entry(FlinkConfigKeys.HA_STORAGE_DIR, "spec.job.stateDir"),
          Map.entry("high-availability", "spec.job.stateDir"),
          Map.entry(FlinkConfigKeys.TASK_SLOTS, "spec.job.taskManager.taskSlots"),
          Map.entry("parallelism.default", "spec.job.parallelism"),
          // Schema changes rely on it: without it a table change would leave the job failed.
          Map.entry(FlinkConfigKeys.RESTART_FAILED, "the pipeline (always true)"));

  private ReservedFlinkKeys() {}

  /** The spec field that owns {@code key}, if the key is reserved. */
  public static Optional<String> owningField(String key) {
    return Optional.ofNullable(FIELD_BY_KEY.get(key));
  }
}
