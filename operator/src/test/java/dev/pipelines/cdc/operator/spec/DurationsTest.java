package dev.pipelines.cdc.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesEachUnit() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("5s")).contains(Duration.ofSeconds(5));
    assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
  }

  @Test
  void rejectsOtherFormats() {
    assertThat(Durations.parse("5")).isEmpty();
    assertThat(Durations.parse("5 s")).isEmpty();
    assertThat(Durations.parse("PT5S")).isEmpty();
    assertThat(Durations.parse(null)).isEmpty();
    assertThat(Durations.parse("9999999999999s")).isEmpty();
  }
}
