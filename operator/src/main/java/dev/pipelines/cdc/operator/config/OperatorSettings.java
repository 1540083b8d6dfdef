package dev.pipelines.cdc.operator.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import dev.pipelines.cdc.operator.api.v1alpha1.JobSpec;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;

/**
 * The operator's own settings, read once from the environment at start.
 *
 * @param defaultJobImage job image for pipelines that do not set {@code spec.job.image}
 * @param watchNamespaces namespaces to watch; empty means all
 * @param flinkVersion Flink version of the job image
 * @param flinkServiceAccount service account for Flink pods unless the spec names one
 * @param defaultStateDir state directory for pipelines that do not set one (may be absent)
 * @param secretRecheckInterval how often a pipeline waiting for a Secret looks again
 * @param slotStatusInterval how often preflight runs again and the replication slot is read
 * @param metricsPort port of the Prometheus endpoint ({@code /metrics}); 0 switches it off
 * @param maxParallelism the highest {@code spec.job.parallelism} a pipeline may ask for: each unit
 *     is a TaskManager slot (and, at the start, a temporary replication slot on the source), so a
 *     typo such as 100000 must be refused, not scheduled. At most Flink's own 32768
 */
public record OperatorSettings(
    String defaultJobImage,
    Set<String> watchNamespaces,
    FlinkVersion flinkVersion,
    String flinkServiceAccount,
    Optional<String> defaultStateDir,
    Duration secretRecheckInterval,
    Duration slotStatusInterval,
    int metricsPort,
    int maxParallelism) {

  public static final String ENV_JOB_IMAGE = "CDC_JOB_IMAGE";
  public static final String ENV_WATCH_NAMESPACES = "CDC_WATCH_NAMESPACES";
  public static final String ENV_FLINK_VERSION = "CDC_FLINK_VERSION";
  public static final String ENV_FLINK_SERVICE_ACCOUNT = "CDC_FLINK_SERVICE_ACCOUNT";
  public static final String ENV_DEFAULT_STATE_DIR = "CDC_DEFAULT_STATE_DIR";
  public static final String ENV_SECRET_RECHECK_SECONDS = "CDC_SECRET_RECHECK_SECONDS";
  public static final String ENV_SLOT_STATUS_SECONDS = "CDC_SLOT_STATUS_SECONDS";
  public static final String ENV_METRICS_PORT = "CDC_METRICS_PORT";
  public static final String ENV_MAX_PARALLELISM = "CDC_MAX_PARALLELISM";
  /** Enough for one pipeline's snapshot readers and sink writers on a modest cluster. */
  public static final int DEFAULT_MAX_PARALLELISM = 64;

  public OperatorSettings {
    requireNonNull(defaultJobImage, "defaultJobImage");
    watchNamespaces = Set.copyOf(watchNamespaces);
    requireNonNull(flinkVersion, "flinkVersion");
    requireNonNull(flinkServiceAccount, "flinkServiceAccount");
    requireNonNull(defaultStateDir, "defaultStateDir");
    requireNonNull(secretRecheckInterval, "secretRecheckInterval");
    requireNonNull(slotStatusInterval, "slotStatusInterval");
    if (maxParallelism < 1 || maxParallelism > JobSpec.FLINK_MAX_PARALLELISM) {
      throw new IllegalArgumentException(ENV_MAX_PARALLELISM + "=" + maxParallelism + " must be between 1 and "
          + JobSpec.FLINK_MAX_PARALLELISM + " (Flink's upper bound for max parallelism)");
    }
  }

  /** Settings from environment variables, with defaults for anything unset. */
  public static OperatorSettings fromEnv(Map<String, String> env) {
    return new OperatorSettings(
        nonBlank(env.get(ENV_JOB_IMAGE)).orElse(BuildInfo.defaultJobImage()),
        nonBlank(env.get(ENV_WATCH_NAMESPACES))
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
            .orElse(Set.of()),
        nonBlank(env.get(ENV_FLINK_VERSION)).map(OperatorSettings::flinkVersion).orElse(FlinkVersion.v1_19),
        nonBlank(env.get(ENV_FLINK_SERVICE_ACCOUNT)).orElse("flink"),
        nonBlank(env.get(ENV_DEFAULT_STATE_DIR)),
        Duration.ofSeconds(
            nonBlank(env.get(ENV_SECRET_RECHECK_SECONDS)).map(Long::parseLong).orElse(30L)),
        Duration.ofSeconds(
            nonBlank(env.get(ENV_SLOT_STATUS_SECONDS)).map(Long::parseLong).orElse(30L)),
        nonBlank(env.get(ENV_METRICS_PORT)).map(Integer::parseInt).orElse(8080),
        nonBlank(env.get(ENV_MAX_PARALLELISM)).map(Integer::parseInt).orElse(DEFAULT_MAX_PARALLELISM));
  }

  private static FlinkVersion flinkVersion(String value) {
    try {
      return FlinkVersion.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ENV_FLINK_VERSION + "=" + value + " is not a Flink version; use one of "
              + Arrays.toString(FlinkVersion.values()), e);
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** Facts fixed at build time (the job image built alongside this operator). */
  static final class BuildInfo {
    private BuildInfo() {}

    static String defaultJobImage() {
      try (InputStream in = BuildInfo.class.getResourceAsStream("/cdc-operator-build.properties")) {
        Properties props = new Properties();
        props.load(requireNonNull(in, "cdc-operator-build.properties missing from the jar"));
        return props.getProperty("job.image");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
