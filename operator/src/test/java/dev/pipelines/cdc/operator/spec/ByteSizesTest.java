package dev.pipelines.cdc.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
  @Test
  void parsesPlainAndQuantities() {
    assertThat(ByteSizes.parse("1024")).contains(1024L);
    assertThat(ByteSizes.parse("1Gi")).contains(1L << 30);
    assertThat(ByteSizes.parse("512Mi")).contains(512L << 20);
    assertThat(ByteSizes.parse("10G")).contains(10_000_000_000L);
    assertThat(ByteSizes.parse("1k")).contains(1000L);
  }

  @Test
  void refusesOtherText() {
    assertThat(ByteSizes.parse("1GB")).isEmpty();
    assertThat(ByteSizes.parse("-1")).isEmpty();
    assertThat(ByteSizes.parse("")).isEmpty();
    assertThat(ByteSizes.parse(null)).isEmpty();
    assertThat(ByteSizes.parse("999999999999999Ti")).as("overflow").isEmpty();
  }

  @Test
  void printsForPeople() {
    assertThat(ByteSizes.human(512)).isEqualTo("512 B");
    assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSizes.human(1L << 30)).isEqualTo("1.0 GiB");
  }
}
