package dev.pipelines.cdc.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesEachUnit() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("5s")).contains(Duration.ofSeconds(5));
    assertThat(Durations.parse("10m")).as("m is minutes, in the old grammar and in Flink's").contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
  }

  @Test
  void readsWhatFlinkUsersWrite() {
    assertThat(Durations.parse("30 s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("1min")).contains(Duration.ofMinutes(1));
    assertThat(Durations.parse("1 h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("500 milliseconds")).contains(Duration.ofMillis(500));
  }

  @Test
  void rejectsOtherFormats() {
    assertThat(Durations.parse("5")).as("a bare number: milliseconds to Flink, ambiguous to a reader").isEmpty();
    assertThat(Durations.parse("5  s")).isEmpty();
    assertThat(Durations.parse("5 S")).isEmpty();
    assertThat(Durations.parse("5 mins")).as("not a Flink unit").isEmpty();
    assertThat(Durations.parse("5us")).isEmpty();
    assertThat(Durations.parse("PT5S")).isEmpty();
    assertThat(Durations.parse(null)).isEmpty();
    assertThat(Durations.parse("9999999999999999s")).isEmpty();
  }
}
