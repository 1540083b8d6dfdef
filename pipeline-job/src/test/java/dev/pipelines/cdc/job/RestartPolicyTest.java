package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.RestartPolicy;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The shared restart policy, read by Flink 1.19 itself, and the job's fallback where the cluster sets none. */
class RestartPolicyTest {

  @Test
  void theKeysAreFlinksOwnAndTheValuesParse() {
    Configuration conf = Configuration.fromMap(RestartPolicy.flinkConfiguration());

    assertThat(RestartPolicy.flinkConfiguration().keySet()).containsExactlyInAnyOrder(
        RestartStrategyOptions.RESTART_STRATEGY.key(),
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF.key(),
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF.key(),
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER.key(),
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR.key(),
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD.key());
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER)).isEqualTo(2.0);
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR)).isEqualTo(0.1);
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD))
        .isEqualTo(Duration.ofMinutes(10));
  }

  /**
   * Flink 1.19 keeps the strategy in the configuration the environment shares with its
   * ExecutionConfig (the legacy {@code getRestartStrategy()} only says "fallback"); the job graph
   * carries that configuration to the JobManager.
   */
  @Test
  void withoutAClusterStrategyTheJobUsesThePolicy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());

    PipelineJobMain.useRestartPolicyIfNoneConfigured(env);

    var conf = env.getConfiguration();
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER)).isEqualTo(2.0);
  }

  @Test
  void theClustersOwnStrategyIsKept() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1,
        Configuration.fromMap(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "3")));

    PipelineJobMain.useRestartPolicyIfNoneConfigured(env);

    assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(env.getConfiguration().getOptional(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEmpty();
  }
}
