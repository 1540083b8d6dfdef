package dev.pipelines.cdc.job.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueLimitTest {
  @Test
  void stringTypesHoldTheirBytesAndStringIs65533() {
    assertThat(ValueLimit.of("VARCHAR(1048576)").maxBytes()).isEqualTo(1_048_576);
    assertThat(ValueLimit.of("STRING").maxBytes()).isEqualTo(65_533);
    assertThat(ValueLimit.of("VARCHAR(36)").keyWidth()).isEqualTo(-1);
    assertThat(ValueLimit.of("ARRAY<VARCHAR(8)>").element().maxBytes()).isEqualTo(8);
  }

  @Test
  void decimalsDatesAndKeyWidths() {
    assertThat(ValueLimit.of("DECIMAL(19,2)").decimal()).isTrue();
    assertThat(ValueLimit.of("DATE").dateRange()).isTrue();
    assertThat(ValueLimit.of("DATETIME").keyWidth()).isEqualTo(8);
    assertThat(ValueLimit.of("BIGINT").keyWidth()).isEqualTo(8);
    assertThat(ValueLimit.of("DOUBLE")).isEqualTo(ValueLimit.NONE);
    assertThat(ValueLimit.yearInRange(0)).isTrue();
    assertThat(ValueLimit.yearInRange(9999)).isTrue();
    assertThat(ValueLimit.yearInRange(10000)).isFalse();
    assertThat(ValueLimit.yearInRange(-1)).isFalse();
  }

  @Test
  void utf8LengthCountsMultiByteCharactersAndSurrogatePairs() {
    String text = "aé€😀";
    assertThat(ValueLimit.utf8Length(text)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isEqualTo(1 + 2 + 3 + 4);
  }
}
