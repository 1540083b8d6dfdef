package dev.pipelines.cdc.config;

import java.util.Map;

/**
 * How Flink restarts the job after a fault it may retry (StarRocks busy or unreachable, a network
 * cut, Postgres restarting), shared by the operator (FlinkDeployment configuration) and the job
 * (where the cluster configured nothing, e.g. local runs).
 *
 * <p>Flink's {@code exponential-delay} strategy: 1 s after the first failure, doubling up to one
 * minute, with 10% jitter so that pipelines failing together do not retry together; after ten
 * minutes without a failure the delay starts at 1 s again. A fault that retrying cannot fix (a row
 * StarRocks refuses, a TRUNCATE) does not go through this at all: the job throws Flink's
 * {@code SuppressRestartsException} ({@link JobStopReason}) and fails once.
 *
 * <p>Keys and values are Flink 1.19's ({@code RestartStrategyOptions}).
 */
public final class RestartPolicy {
  public static final String TYPE = "restart-strategy.type";
  public static final String INITIAL_BACKOFF = "restart-strategy.exponential-delay.initial-backoff";
  public static final String MAX_BACKOFF = "restart-strategy.exponential-delay.max-backoff";
  public static final String MULTIPLIER = "restart-strategy.exponential-delay.backoff-multiplier";
  public static final String JITTER = "restart-strategy.exponential-delay.jitter-factor";
  public static final String RESET_THRESHOLD = "restart-strategy.exponential-delay.reset-backoff-threshold";

  private static final Map<String, String> SETTINGS = Map.of(
      TYPE, "exponential-delay",
      INITIAL_BACKOFF, "1 s",
      MAX_BACKOFF, "1 min",
      MULTIPLIER, "2.0",
      JITTER, "0.1",
      RESET_THRESHOLD, "10 min");

  private RestartPolicy() {}

  /** The Flink configuration entries of the policy. */
  public static Map<String, String> flinkConfiguration() {
    return SETTINGS;
  }
}
