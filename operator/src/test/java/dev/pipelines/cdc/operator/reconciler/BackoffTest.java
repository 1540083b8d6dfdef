package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void waitsAsLongAsTheFailureHasLastedBetweenFiveSecondsAndFiveMinutes() {
    assertThat(Backoff.delay(null, T0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Backoff.delay(T0, T0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(5));
    assertThat(Backoff.delay(T0, T0.plusSeconds(40))).isEqualTo(Duration.ofSeconds(40));
    assertThat(Backoff.delay(T0, T0.plusSeconds(3600))).isEqualTo(Duration.ofMinutes(5));
    assertThat(Backoff.delay(T0.plusSeconds(10), T0)).as("clock skew").isEqualTo(Duration.ofSeconds(5));
  }
}
