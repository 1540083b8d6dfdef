package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.javaoperatorsdk.operator.api.config.BaseConfigurationService;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A reconcile that keeps failing (an API server refusing writes for a while after a restart) is
 * retried until it succeeds, never given up: with java-operator-sdk's default (5 retries) the
 * pipeline would wait for the next event, or 10 hours.
 */
class RetryPolicyTest {

  @Test
  void failedReconcilesAreRetriedForeverAtMostThirtySecondsApart() {
    ControllerConfiguration<CdcPipeline> config = new BaseConfigurationService().getConfigurationFor(
        new CdcPipelineReconciler(TestOperatorSettings.settings(), Clock.systemUTC(), FakeDatabases.allReady(), new SlotMetrics()));
    RetryExecution retry = config.getRetry().initExecution();

    Optional<Long> delay = Optional.empty();
    for (int attempt = 1; attempt <= 100; attempt++) {
      delay = retry.nextDelay();
      assertThat(delay).as("delay before retry %d", attempt).isPresent();
      assertThat(delay.get()).isBetween(1L, 30_000L);
    }
    assertThat(delay).as("the backoff ends at its cap").contains(30_000L);
    assertThat(retry.isLastAttempt()).isFalse();
  }

  @Test
  void firstRetryComesAfterTwoSeconds() {
    ControllerConfiguration<CdcPipeline> config = new BaseConfigurationService().getConfigurationFor(
        new CdcPipelineReconciler(TestOperatorSettings.settings(), Clock.systemUTC(), FakeDatabases.allReady(), new SlotMetrics()));

    assertThat(config.getRetry().initExecution().nextDelay()).contains(2_000L);
  }
}
