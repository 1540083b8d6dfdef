package dev.pipelines.cdc.operator.flink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;

/**
 * Flink configuration keys that the pipeline derives from spec fields. A user setting them in
 * {@code flinkConfiguration} would silently fight those fields, so validation refuses them and
 * names the field to use instead. Each option counts with its deprecated and fallback names as
 * Flink lists them (e.g. {@code high-availability} for {@code high-availability.type}): Flink
 * reads those too, so setting one would fight the field just the same.
 */
public final class ReservedFlinkKeys {
  private static final Map<String, String> FIELD_BY_KEY = fieldByKey();

  private ReservedFlinkKeys() {}

  /** The spec field that owns {@code key}, if the key is reserved. */
  public static Optional<String> owningField(String key) {
    return Optional.ofNullable(FIELD_BY_KEY.get(key));
  }

  /** Every reserved key (with its deprecated names) and the field that owns it. */
  public static Map<String, String> all() {
    return FIELD_BY_KEY;
  }

  private static Map<String, String> fieldByKey() {
    Map<String, String> out = new LinkedHashMap<>();
    reserve(out, FlinkOptions.CHECKPOINT_INTERVAL, "spec.job.checkpointInterval");
    reserve(out, FlinkOptions.CHECKPOINTS_DIR, "spec.job.stateDir");
    reserve(out, FlinkOptions.SAVEPOINTS_DIR, "spec.job.stateDir");
    reserve(out, FlinkOptions.HA_TYPE, "spec.job.stateDir");
    reserve(out, FlinkOptions.HA_STORAGE_DIR, "spec.job.stateDir");
    reserve(out, FlinkOptions.TASK_SLOTS, "spec.job.taskManager.taskSlots");
    reserve(out, FlinkOptions.PARALLELISM, "spec.job.parallelism");
    // Schema changes rely on it: without it a table change would leave the job failed.
    reserve(out, FlinkOptions.RESTART_FAILED, "the pipeline (always true)");
    return Map.copyOf(out);
  }

  private static void reserve(Map<String, String> out, ConfigOption<?> option, String field) {
    out.put(option.key(), field);
    for (FallbackKey fallback : option.fallbackKeys()) {
      out.put(fallback.getKey(), field);
    }
  }
}
