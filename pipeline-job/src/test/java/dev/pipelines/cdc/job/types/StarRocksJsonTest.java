package dev.pipelines.cdc.job.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value rules both read paths share. */
class StarRocksJsonTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // what Debezium 1.9.8 writes (measured) | the exact value
      "P0Y0M0DT0H0M0.299999999S|P0Y0M0DT0H0M0.3S", "P0Y0M0DT0H0M1.000000999S|P0Y0M0DT0H0M1.000001S",
      "P1Y2M3DT4H5M6.7S|P1Y2M3DT4H5M6.7S", "P0Y0M-1DT0H0M0S|P0Y0M-1DT0H0M0S",
      "P-1Y-2M3DT-4H-5M-6.123455999S|P-1Y-2M3DT-4H-5M-6.123456S", "P0Y0M0DT0H0M0.000000999S|P0Y0M0DT0H0M0.000001S"})
  void intervalSecondsAreExactAgain(String debezium, String exact) {
    assertThat(StarRocksJson.exactInterval(debezium)).isEqualTo(exact);
  }

  /** The streamed jsonb text equals the tree's (what the stream path writes) for JSON without duplicate keys. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"{}", "[]", "1", "-0", "0.0", "-0.0", "1.50", "1e2", "1E-7",
      "1e400", "-1e400", "12345678901234567890", "123456789012345678901234567890.5", "9223372036854775807",
      "2147483648", "true", "false", "\"x\"", "\"\\u00e4\\u2028\\/\\b\\u0001\\\"\"", "\"ä😀\"",
      "{\"b\": 2, \"a\": [1, 2.50, \"x\\ty\", null, {\"c\": {}}], \"z\": null}",
      "  [ 1 , { \"k\" : [ [ ] ] } ]  ", "{\"n\": -0.0, \"big\": 1.7976931348623157e308, \"tiny\": 4.9e-324}"})
  void streamedJsonIsTheTreesText(String json) throws Exception {
    StringBuilder tree = new StringBuilder();
    StarRocksJson.json(tree, json);
    StringBuilder streamed = new StringBuilder("prefix");
    byte[] bytes = ("xx" + json + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StarRocksJson.jsonWithUniqueKeys(streamed, bytes, 2, bytes.length - 4);
    assertThat(streamed.toString()).isEqualTo("prefix" + tree);
  }

  @org.junit.jupiter.api.Test
  void jsonNullIsRefusedStreamedToo() {
    byte[] bytes = " null ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StarRocksJson.jsonWithUniqueKeys(new StringBuilder(),
        bytes, 0, bytes.length)).isInstanceOf(RejectedValue.class).hasMessageContaining("JSON null");
  }

  @ParameterizedTest
  @CsvSource({"0000-01-01T00:00:00,0000-01-01 00:00:00.000000", "0001-01-01T00:00:00.5,0001-01-01 00:00:00.500000",
      "9999-12-31T23:59:59.999999,9999-12-31 23:59:59.999999"})
  void datetimeTextKeepsYearZero(String iso, String text) {
    assertThat(java.time.LocalDateTime.parse(iso).format(StarRocksJson.DATETIME)).isEqualTo(text);
  }
}
