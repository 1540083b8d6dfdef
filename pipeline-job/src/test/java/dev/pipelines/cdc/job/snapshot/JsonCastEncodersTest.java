package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test encoding's COPY text parsing (it must be right for the snapshot ITs to mean anything). */
class JsonCastEncodersTest {
  @Test
  void copyTextFieldsAreUnescaped() {
    assertThat(JsonCastEncoders.fields("1\t\\N\t\"a\\\\tb\"\t")).containsExactly("1", null, "\"a\\tb\"", "");
  }
}
