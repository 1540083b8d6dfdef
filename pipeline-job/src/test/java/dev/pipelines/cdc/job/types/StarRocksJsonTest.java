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

  @ParameterizedTest
  @CsvSource({"0000-01-01T00:00:00,0000-01-01 00:00:00.000000", "0001-01-01T00:00:00.5,0001-01-01 00:00:00.500000",
      "9999-12-31T23:59:59.999999,9999-12-31 23:59:59.999999"})
  void datetimeTextKeepsYearZero(String iso, String text) {
    assertThat(java.time.LocalDateTime.parse(iso).format(StarRocksJson.DATETIME)).isEqualTo(text);
  }
}
