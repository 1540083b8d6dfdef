package dev.pipelines.cdc.operator.flink;

import dev.pipelines.cdc.operator.spec.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;

/**
 * A FlinkDeployment's {@code flinkConfiguration} map, written through Flink's {@link ConfigOption}s:
 * the key is the option's, the value typed by it. Sorted, so equal inputs give an equal map.
 *
 * <p>Values are written as Flink itself prints them only where that is {@code String.valueOf} (strings,
 * whole numbers, booleans). Flink's own formatter ({@code Configuration.toMap}) needs snakeyaml-engine
 * at Flink's version and would rewrite durations ({@code 30s} becomes {@code 30 s}); a duration is kept
 * as the spec wrote it instead, after Flink's parser ({@link Durations}) has read it.
 */
public final class FlinkConfigMap {
  private final Map<String, String> entries;

  /** Starts from the user's own entries. */
  public FlinkConfigMap(Map<String, String> userEntries) {
    this.entries = new TreeMap<>(userEntries);
  }

  public FlinkConfigMap set(ConfigOption<String> option, String value) {
    entries.put(option.key(), value);
    return this;
  }

  public FlinkConfigMap set(ConfigOption<Integer> option, int value) {
    entries.put(option.key(), Integer.toString(value));
    return this;
  }

  public FlinkConfigMap set(ConfigOption<Boolean> option, boolean value) {
    entries.put(option.key(), Boolean.toString(value));
    return this;
  }

  /** A duration in the spec's own words, which Flink reads with the parser validation used. */
  public FlinkConfigMap setDuration(ConfigOption<Duration> option, String duration) {
    Durations.of(duration);
    entries.put(option.key(), duration);
    return this;
  }

  /** Entries Flink's own option classes cannot name here (see {@code FlinkOptions}); a user's entry wins. */
  public FlinkConfigMap setIfAbsent(Map<String, String> defaults) {
    defaults.forEach(entries::putIfAbsent);
    return this;
  }

  public Map<String, String> toMap() {
    return new TreeMap<>(entries);
  }
}
