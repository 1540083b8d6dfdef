package dev.pipelines.cdc.job.snapshot.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Postgres text output (in {@link CopyRowEncoders#SESSION_SETTINGS}) → the JSON value the stream path writes,
 * one test per type family. The expected texts are the stream path's (DebeziumValues, ChangeRowDeserializerTest,
 * TypeEdgesIT); CopyRowEncoderIT checks the same against the real stream.
 */
class PgTextValuesTest {
  private static final ValueLimit DECIMAL = ValueLimit.of("DECIMAL(10,2)");
  private static final ValueLimit TEXT = ValueLimit.of("VARCHAR(1048576)");
  private static final ValueLimit DATE = ValueLimit.of("DATE");
  private static final ValueLimit DATETIME = ValueLimit.of("DATETIME");

  private static String json(PgTextType type, String pgText, ValueLimit limit) {
    return json(type, pgText, limit, false);
  }

  private static String json(PgTextType type, String pgText, ValueLimit limit, boolean strip) {
    byte[] bytes = ("xx" + pgText + "yy").getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder("{");
    PgTextValues.append(out, type, bytes, 2, bytes.length - 4, limit, strip);
    return out.substring(1);
  }

  @ParameterizedTest
  @CsvSource({"-32768", "32767", "0", "-9223372036854775808", "9223372036854775807"})
  void integersAreTheirText(String text) {
    assertThat(json(PgTextType.INTEGER, text, ValueLimit.of("BIGINT"))).isEqualTo(text);
  }

  @Test
  void booleansAreJsonBooleans() {
    assertThat(json(PgTextType.BOOLEAN, "t", ValueLimit.NONE)).isEqualTo("true");
    assertThat(json(PgTextType.BOOLEAN, "f", ValueLimit.NONE)).isEqualTo("false");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3.4028235e+38|3.4028235E38", "-3.4028235e+38|-3.4028235E38", "1e-45|1.4E-45", "0|0.0", "-0|-0.0",
      "0.1|0.1", "1.5|1.5", "NaN|\"NaN\"", "Infinity|\"Infinity\"", "-Infinity|\"-Infinity\""})
  void realsAreTheirShortestFloatText(String pg, String expected) {
    assertThat(json(PgTextType.REAL, pg, ValueLimit.NONE)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.7976931348623157e+308|1.7976931348623157E308", "5e-324|4.9E-324", "0.1|0.1", "1e+10|1.0E10",
      "123456.789|123456.789", "NaN|\"NaN\"", "-Infinity|\"-Infinity\""})
  void doublesAreJavasDoubleText(String pg, String expected) {
    assertThat(json(PgTextType.DOUBLE, pg, ValueLimit.NONE)).isEqualTo(expected);
  }

  @Test
  void numericsAreExactStringsAndNaNIsTheStreamsSpelling() {
    assertThat(json(PgTextType.NUMERIC, "-999.99", DECIMAL)).isEqualTo("\"-999.99\"");
    assertThat(json(PgTextType.NUMERIC, "0.00000000000000000001", TEXT)).isEqualTo("\"0.00000000000000000001\"");
    assertThat(json(PgTextType.NUMERIC, "9".repeat(1000), TEXT)).isEqualTo("\"" + "9".repeat(1000) + "\"");
    assertThat(json(PgTextType.NUMERIC, "NaN", TEXT)).isEqualTo("\"NAN\"");
  }

  @Test
  void numericNaNAndInfinityIntoADecimalAreRefused() {
    for (String special : new String[] {"NaN", "Infinity", "-Infinity"}) {
      assertThatThrownBy(() -> json(PgTextType.NUMERIC, special, DECIMAL)).isInstanceOf(RejectedValue.class)
          .hasMessageContaining("has no StarRocks DECIMAL equivalent");
    }
  }

  @Test
  void numericInfinityIsRefusedEvenAsTextBecauseTheStreamCannotReadIt() {
    assertThatThrownBy(() -> json(PgTextType.NUMERIC, "Infinity", TEXT)).isInstanceOf(RejectedValue.class)
        .hasMessageStartingWith("numeric Infinity cannot be carried: the CDC source's stream");
    assertThatThrownBy(() -> json(PgTextType.NUMERIC, "-Infinity", TEXT)).hasMessageStartingWith("numeric -Infinity");
  }

  @Test
  void textIsEscapedAsJacksonEscapesIt() {
    assertThat(json(PgTextType.TEXT, "plain ascii", TEXT)).isEqualTo("\"plain ascii\"");
    assertThat(json(PgTextType.TEXT, "", TEXT)).isEqualTo("\"\"");
    assertThat(json(PgTextType.TEXT, "q\" b\\ n\n t\t r\r b\b f\f \u0001 \u001f \u007f", TEXT))
        .isEqualTo("\"q\\\" b\\\\ n\\n t\\t r\\r b\\b f\\f \\u0001 \\u001F \u007f\"");
    assertThat(json(PgTextType.TEXT, "äöü € 😀 中文 \u2028\u2029 </script>", TEXT))
        .isEqualTo("\"äöü € 😀 中文 \u2028\u2029 </script>\"");
  }

  @Test
  void characterPaddingIsStrippedAsTheStreamStripsIt() {
    assertThat(json(PgTextType.TEXT, "ab   ", TEXT, true)).isEqualTo("\"ab\"");
    assertThat(json(PgTextType.TEXT, "a\tb  ", TEXT, true)).isEqualTo("\"a\\tb\"");
    assertThat(json(PgTextType.TEXT, "     ", TEXT, true)).isEqualTo("\"\"");
    assertThat(json(PgTextType.TEXT, "ab   ", TEXT, false)).isEqualTo("\"ab   \"");
  }

  @Test
  void textLongerThanItsColumnIsRefusedInBytes() {
    ValueLimit three = ValueLimit.of("VARCHAR(3)");
    assertThat(json(PgTextType.TEXT, "abc", three)).isEqualTo("\"abc\"");
    assertThat(json(PgTextType.TEXT, "ä", three)).isEqualTo("\"ä\"");
    assertThatThrownBy(() -> json(PgTextType.TEXT, "abcd", three))
        .hasMessageStartingWith("the value is 4 bytes of UTF-8, more than the 3 bytes");
    assertThatThrownBy(() -> json(PgTextType.TEXT, "äö", three))
        .hasMessageStartingWith("the value is 4 bytes of UTF-8, more than the 3 bytes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-02-29|2024-02-29", "0001-01-01|0001-01-01", "9999-12-31|9999-12-31", "0001-01-01 BC|0000-01-01",
      "0001-12-31 BC|0000-12-31", "1582-10-04|1582-10-04"})
  void datesAreIsoWithTheProlepticYear(String pg, String expected) {
    assertThat(json(PgTextType.DATE, pg, DATE)).isEqualTo("\"" + expected + "\"");
  }

  @Test
  void datesBeyondStarRocksRangeAreRefused() {
    assertThatThrownBy(() -> json(PgTextType.DATE, "10000-01-01", DATE))
        .hasMessageStartingWith("year 10000 is outside StarRocks' DATE/DATETIME range");
    assertThatThrownBy(() -> json(PgTextType.DATE, "0002-01-01 BC", DATE))
        .hasMessageStartingWith("year -1 is outside StarRocks' DATE/DATETIME range");
    assertThatThrownBy(() -> json(PgTextType.DATE, "infinity", DATE))
        .hasMessageStartingWith("the value infinity is outside StarRocks' DATE/DATETIME range");
    assertThatThrownBy(() -> json(PgTextType.DATE, "-infinity", DATE))
        .hasMessageStartingWith("the value -infinity is outside");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-02-29 23:59:59.999999|2024-02-29 23:59:59.999999", "1970-01-01 00:00:00|1970-01-01 00:00:00.000000",
      "1970-01-01 00:00:00.5|1970-01-01 00:00:00.500000", "1582-10-10 12:00:00|1582-10-10 12:00:00.000000",
      "9999-12-31 23:59:59.999999|9999-12-31 23:59:59.999999", "1000-06-15 01:02:03.12|1000-06-15 01:02:03.120000"})
  void timestampsHaveSixFractionDigits(String pg, String expected) {
    assertThat(json(PgTextType.TIMESTAMP, pg, DATETIME)).isEqualTo("\"" + expected + "\"");
    assertThat(json(PgTextType.TIMESTAMPTZ, pg + "+00", DATETIME)).isEqualTo("\"" + expected + "\"");
  }

  @Test
  void timestampsOfYearZeroAndBeyondTheRange() {
    assertThat(json(PgTextType.TIMESTAMP, "0001-01-01 00:00:00 BC", DATETIME))
        .isEqualTo("\"0000-01-01 00:00:00.000000\"");
    assertThat(json(PgTextType.TIMESTAMPTZ, "0001-06-01 12:00:00.5+00 BC", DATETIME))
        .isEqualTo("\"0000-06-01 12:00:00.500000\"");
    assertThatThrownBy(() -> json(PgTextType.TIMESTAMP, "10000-01-01 00:00:00", DATETIME))
        .hasMessageStartingWith("year 10000 is outside");
    assertThatThrownBy(() -> json(PgTextType.TIMESTAMP, "0002-01-01 00:00:00 BC", DATETIME))
        .hasMessageStartingWith("year -1 is outside");
    assertThatThrownBy(() -> json(PgTextType.TIMESTAMPTZ, "-infinity", DATETIME))
        .hasMessageStartingWith("the value -infinity is outside");
    assertThatThrownBy(() -> json(PgTextType.TIMESTAMP, "infinity", DATETIME))
        .hasMessageStartingWith("the value infinity is outside");
  }

  @Test
  void timestamptzTextNotInUtcIsAnError() {
    assertThatThrownBy(() -> json(PgTextType.TIMESTAMPTZ, "2024-01-01 00:00:00+02", DATETIME))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SET TimeZone=UTC");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"00:00:00|00:00:00.000000", "13:14:15.123456|13:14:15.123456",
      "23:59:59.999|23:59:59.999000", "24:00:00|24:00:00.000000"})
  void timesKeepMicroseconds(String pg, String expected) {
    assertThat(json(PgTextType.TIME, pg, ValueLimit.NONE)).isEqualTo("\"" + expected + "\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"13:14:15.123456+02|11:14:15.123456Z", "00:00:00-05:30|05:30:00Z",
      "12:00:00+00|12:00:00Z", "23:59:59.5+14|09:59:59.5Z"})
  void timesWithZoneAreDebeziumsUtcText(String pg, String expected) {
    assertThat(json(PgTextType.TIMETZ, pg, ValueLimit.of("VARCHAR(32)"))).isEqualTo("\"" + expected + "\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1 year 2 mons 3 days 04:05:06.7|P1Y2M3DT4H5M6.7S", "-1 days|P0Y0M-1DT0H0M0S",
      "00:00:00|P0Y0M0DT0H0M0S", "-1 years -2 mons +3 days -04:05:06.123456|P-1Y-2M3DT-4H-5M-6.123456S",
      // Debezium alone writes these as 0.299999999S and 1.000000999S (StarRocksJson.exactInterval)
      "00:00:00.3|P0Y0M0DT0H0M0.3S", "00:00:01.000001|P0Y0M0DT0H0M1.000001S", "-00:00:59.999999|P0Y0M0DT0H0M-59.999999S",
      "178000000 years|P178000000Y0M0DT0H0M0S"})
  void intervalsAreDebeziumsIsoText(String pg, String expected) {
    assertThat(json(PgTextType.INTERVAL, pg, ValueLimit.of("VARCHAR(64)"))).isEqualTo("\"" + expected + "\"");
  }

  @Test
  void jsonIsCompactedAndJsonNullRefused() {
    assertThat(json(PgTextType.JSON, "{\"b\": 2, \"a\": [1, \"x\"]}", ValueLimit.NONE)).isEqualTo("{\"b\":2,\"a\":[1,\"x\"]}");
    assertThat(json(PgTextType.JSON, "\"ä\\u00e4\"", ValueLimit.NONE)).isEqualTo("\"ää\"");
    assertThatThrownBy(() -> json(PgTextType.JSON, "null", ValueLimit.NONE)).hasMessageContaining("JSON null");
  }

  @Test
  void byteaIsItsHexWithoutThePrefix() {
    assertThat(json(PgTextType.BYTEA, "\\x", TEXT)).isEqualTo("\"\"");
    assertThat(json(PgTextType.BYTEA, "\\xdeadbeef00", TEXT)).isEqualTo("\"deadbeef00\"");
    assertThatThrownBy(() -> json(PgTextType.BYTEA, "\\xdead", ValueLimit.of("VARCHAR(3)")))
        .hasMessageStartingWith("the value is 4 bytes");
  }
}
