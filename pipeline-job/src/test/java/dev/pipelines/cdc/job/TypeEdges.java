package dev.pipelines.cdc.job;

import dev.pipelines.cdc.job.types.StarRocksTypes;
import java.util.List;

/**
 * Every mapped type's edge values, and values beyond what StarRocks holds: the cases of
 * {@link TypeEdgesIT} (through the whole job) and of the COPY snapshot encoder's IT
 * ({@code snapshot.copy.CopyRowEncoderIT}, against the stream path's rows).
 */
public final class TypeEdges {
  private TypeEdges() {}

  /** One Postgres value (an SQL expression) and what StarRocks must then hold, as JDBC's getString reads it. */
  public record Edge(String sql, String expected, String snapshotExpected) {
    public Edge(String sql, String expected) {
      this(sql, expected, expected);
    }
  }

  /** A mapped Postgres type and its edge values. */
  public record TypeCase(String pgType, List<Edge> edges) {
    public String table() {
      return "t_" + pgType.replace("[]", "_array").replaceAll("[^a-z0-9]+", "_").replaceAll("_$", "");
    }
  }

  private static Edge e(String sql, String expected) {
    return new Edge(sql, expected);
  }

  /**
   * A value the snapshot does not deliver exactly (a limit of the CDC source's JDBC read, in
   * docs/pipeline-job.md): asserted as it arrives today, so a change in either phase is noticed.
   */
  private static Edge snapshotGap(String sql, String expected, String snapshotDelivers) {
    return new Edge(sql, expected, snapshotDelivers);
  }

  private static final Edge NULL = e("NULL", null);
  private static final String MAX_TEXT = "x".repeat(StarRocksTypes.MAX_VARCHAR - 4) + "😀";

  /** The type table of docs/pipeline-job.md, one row per type with its edge values. */
  public static final List<TypeCase> TYPES = List.of(
      new TypeCase("smallint", List.of(e("-32768", "-32768"), e("32767", "32767"), e("0", "0"), e("-1", "-1"), NULL)),
      new TypeCase("integer", List.of(e("-2147483648", "-2147483648"), e("2147483647", "2147483647"), e("0", "0"),
          NULL)),
      new TypeCase("bigint", List.of(e("-9223372036854775808", "-9223372036854775808"),
          e("9223372036854775807", "9223372036854775807"), e("0", "0"), NULL)),
      new TypeCase("numeric(38,10)", List.of(
          e("9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999"),
          e("-9999999999999999999999999999.9999999999", "-9999999999999999999999999999.9999999999"),
          e("0", "0.0000000000"), e("-0.0000000001", "-0.0000000001"), NULL)),
      new TypeCase("numeric(5,2)", List.of(e("999.99", "999.99"), e("-999.99", "-999.99"), e("0.01", "0.01"))),
      // No 'Infinity' (PG 14+): the snapshot read fails on it (docs/pipeline-job.md, Type mapping). NaN arrives as the
      // text NAN from the stream (Debezium's spelling) and as NULL from the snapshot (docs/pipeline-job.md, Type mapping).
      new TypeCase("numeric", List.of(e("'NaN'", "NAN"),
          e("0.00000000000000000001", "0.00000000000000000001"), e("repeat('9', 1000)::numeric", "9".repeat(1000)),
          e("-1.5", "-1.5"), e("0", "0"), NULL)),
      new TypeCase("real", List.of(e("3.4028235e38", "3.4028235E38"), e("-3.4028235e38", "-3.4028235E38"),
          e("1.4e-45", "1.4E-45"), e("0", "0.0"), /* the sign of zero is not kept */ e("'-0'", "0.0"), e("'NaN'", "NaN"), e("'Infinity'", "Infinity"),
          e("'-Infinity'", "-Infinity"), e("0.1", "0.1"), NULL)),
      new TypeCase("double precision", List.of(e("1.7976931348623157e308", "1.7976931348623157E308"),
          e("-1.7976931348623157e308", "-1.7976931348623157E308"), e("4.9e-324", "4.9E-324"), e("0", "0.0"),
          e("'NaN'", "NaN"), e("'Infinity'", "Infinity"), e("'-Infinity'", "-Infinity"), e("0.1", "0.1"), NULL)),
      new TypeCase("boolean", List.of(e("true", "1"), e("false", "0"), NULL)),
      new TypeCase("text", List.of(e("''", ""), e("'äöü € 😀 中文'", "äöü € 😀 中文"),
          e("E'quote \" backslash \\\\ newline \\n tab \\t'", "quote \" backslash \\ newline \n tab \t"),
          e("repeat('x', 300000)", "x".repeat(300_000)),
          e("repeat('x', " + (StarRocksTypes.MAX_VARCHAR - 4) + ") || '😀'", MAX_TEXT), NULL)),
      new TypeCase("character varying(3)", List.of(e("'äö😀'", "äö😀"), e("''", ""), NULL)),
      new TypeCase("character(3)", List.of(e("'a'", "a"), e("'abc'", "abc"), e("'€'", "€"), NULL)),
      new TypeCase("date", List.of(e("'0001-01-01 BC'", "0000-01-01"), e("'0001-01-01'", "0001-01-01"),
          e("'1000-02-28'", "1000-02-28"), e("'1970-01-01'", "1970-01-01"), e("'9999-12-31'", "9999-12-31"), NULL)),
      // Before 1582-10-25 the snapshot refuses timestamps (ChangeRowDeserializerTest; docs/pipeline-job.md).
      new TypeCase("timestamp without time zone", List.of(e("'1582-10-25 00:00:00'", "1582-10-25 00:00:00"),
          e("'9999-12-31 23:59:59.999999'", "9999-12-31 23:59:59.999999"),
          e("'1970-01-01 00:00:00.000001'", "1970-01-01 00:00:00.000001"), NULL)),
      new TypeCase("timestamp with time zone", List.of(e("'2024-06-01 12:00:00+05'", "2024-06-01 07:00:00"),
          e("'9999-12-31 23:59:59.999999+00'", "9999-12-31 23:59:59.999999"),
          e("'1970-01-01 00:00:00+14'", "1969-12-31 10:00:00"), NULL)),
      new TypeCase("time without time zone", List.of(e("'00:00:00'", "00:00:00.000000"),
          e("'23:59:59.999'", "23:59:59.999000"), NULL)),
      new TypeCase("interval", List.of(e("'1 year 2 mons 3 days 04:05:06.7'", "P1Y2M3DT4H5M6.7S"),
          e("'-1 day'", "P0Y0M-1DT0H0M0S"), NULL)),
      new TypeCase("uuid", List.of(e("'00000000-0000-0000-0000-000000000000'", "00000000-0000-0000-0000-000000000000"),
          e("'ffffffff-ffff-ffff-ffff-ffffffffffff'", "ffffffff-ffff-ffff-ffff-ffffffffffff"), NULL)),
      new TypeCase("inet", List.of(e("'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'",
          "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), e("'10.0.0.1/8'", "10.0.0.1/8"), NULL)),
      new TypeCase("jsonb", List.of(e("'{}'", "{}"), e("'[]'", "[]"), e("'{\"a\":\"ä😀\",\"n\":1.5,\"z\":null}'",
          "{\"a\":\"ä😀\",\"n\":1.5,\"z\":null}"), NULL)),
      new TypeCase("bytea", List.of(e("'\\x'", ""), e("'\\xdeadbeef00'", "deadbeef00"), NULL)),
      new TypeCase("integer[]", List.of(e("'{}'", "[]"), e("'{1,NULL,-2147483648}'", "[1,null,-2147483648]"), NULL)),
      new TypeCase("text[]", List.of(e("'{}'", "[]"), e("ARRAY['ä😀', NULL, '']", "[\"ä😀\",null,\"\"]"), NULL)),
      new TypeCase("double precision[]", List.of(e("ARRAY['NaN'::float8, 'Infinity', 1.5]",
          "[\"NaN\",\"Infinity\",1.5]"))));

  /** A value StarRocks cannot hold, the column type it is in, and what the stop must say. */
  public record Beyond(String name, String pgType, String value, String rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static final List<Beyond> BEYOND = List.of(
      new Beyond("text_one_byte_too_long", "text", "repeat('x', " + StarRocksTypes.MAX_VARCHAR + ") || 'y'",
          "the value is 1048577 bytes of UTF-8, more than the 1048576 bytes its StarRocks column holds"),
      new Beyond("varchar_wider_than_starrocks", "character varying(300000)", "repeat('😀', 300000)",
          "the value is 1200000 bytes of UTF-8, more than the 1048576"),
      new Beyond("numeric_nan_into_decimal", "numeric(10,2)", "'NaN'",
          "has no StarRocks DECIMAL equivalent"),
      new Beyond("date_after_9999", "date", "'10000-01-01'", "year 10000 is outside StarRocks' DATE/DATETIME range"),
      new Beyond("date_infinity", "date", "'infinity'", ""),
      new Beyond("timestamp_before_year_0", "timestamp", "'0002-01-01 00:00:00 BC'", ""),
      new Beyond("timestamptz_infinity", "timestamptz", "'-infinity'", ""),
      new Beyond("jsonb_null", "jsonb", "'null'", "the json value is JSON null"),
      new Beyond("key_over_128_bytes", "text", "repeat('k', 129)", "more than its limit of 128 bytes"));

}
