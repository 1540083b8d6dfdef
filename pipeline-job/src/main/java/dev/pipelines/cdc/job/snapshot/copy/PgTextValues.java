package dev.pipelines.cdc.job.snapshot.copy;

import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.StarRocksJson;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.util.PGInterval;

/**
 * One value's Postgres text output (in the session settings of {@link CopyRowEncoders#SESSION_SETTINGS})
 * → the JSON text the stream path ({@code DebeziumValues}) writes for the same value, appended to the
 * row. Pure functions over bytes; the common cases (numbers, ASCII text, ISO dates) copy the bytes
 * without building a String. A value its StarRocks column cannot hold throws {@link RejectedValue}
 * with the stream path's rule (shared in {@link StarRocksJson}).
 */
final class PgTextValues {
  private static final DateTimeFormatter DATETIME = StarRocksJson.DATETIME;
  private static final byte[] ZEROS = "000000".getBytes(StandardCharsets.US_ASCII);

  private PgTextValues() {}

  /**
   * Appends the JSON of one non-NULL value.
   *
   * @param stripTrailing strip trailing whitespace (a {@code character(n)} column; the stream strips with
   *     {@link String#stripTrailing})
   */
  static void append(StringBuilder out, PgTextType type, byte[] b, int off, int len, ValueLimit limit,
      boolean stripTrailing) {
    switch (type) {
      case INTEGER -> ascii(out, b, off, len);
      case BOOLEAN -> out.append(len == 1 && b[off] == 't');
      case REAL -> StarRocksJson.floating(out, Float.parseFloat(latin(b, off, len)));
      case DOUBLE -> StarRocksJson.floating(out, Double.parseDouble(latin(b, off, len)));
      case NUMERIC -> numeric(out, b, off, len, limit);
      case TEXT -> text(out, b, off, len, limit, stripTrailing);
      case DATE -> date(out, b, off, len, limit);
      case TIMESTAMP, TIMESTAMPTZ -> timestamp(out, b, off, len, limit, type == PgTextType.TIMESTAMPTZ);
      case TIME -> time(out, b, off, len);
      case TIMETZ -> timetz(out, b, off, len, limit);
      case INTERVAL -> interval(out, latin(b, off, len), limit);
      case JSON -> StarRocksJson.json(out, utf8(b, off, len)); // may have duplicate keys: as the stream (a tree)
      case JSONB -> StarRocksJson.jsonWithUniqueKeys(out, b, off, len);
      case BYTEA -> bytea(out, b, off, len, limit);
      default -> throw new IllegalStateException(type.name());
    }
  }

  private static void ascii(StringBuilder out, byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      out.append((char) b[i]);
    }
  }

  private static String latin(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  static String utf8(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.UTF_8);
  }

  /**
   * numeric is plain decimal text in Postgres (never an exponent), as the stream's
   * {@code decimal.handling.mode=string} gives it; NaN is spelled {@code NAN} there (Debezium's
   * {@code SpecialValueDecimal}). Into a DECIMAL column NaN and the infinities are refused; ±Infinity
   * also into text, as the stream cannot read it.
   */
  private static void numeric(StringBuilder out, byte[] b, int off, int len, ValueLimit limit) {
    if (len > 0 && (b[off] == 'N' || b[off] == 'I' || (b[off] == '-' && len > 1 && b[off + 1] == 'I'))) {
      String special = latin(b, off, len);
      if (!special.equals("NaN") && !limit.decimal()) {
        // The stream cannot carry it: Debezium 1.9.8 parses numeric into a BigDecimal and fails on
        // "Infinity" (NumberFormatException, measured here), so the pipeline would crash on the row's next
        // change. Refused up front, in the snapshot, with the reason.
        throw new RejectedValue("numeric " + special + " cannot be carried: the CDC source's stream (Debezium 1.9.8)"
            + " fails on numeric infinities; change the value in Postgres (e.g. to NULL or a double precision"
            + " column, which carries Infinity), or exclude the table");
      }
      StarRocksJson.checkedString(out, special.equals("NaN") ? "NAN" : special, limit);
      return;
    }
    if (limit.maxBytes() >= 0 && len > limit.maxBytes()) {
      throw StarRocksJson.tooLong(len, limit);
    }
    out.append('"');
    ascii(out, b, off, len);
    out.append('"');
  }

  /**
   * Text: ASCII that needs no JSON escape is copied as it is scanned (one pass); at the first other byte the
   * copy is undone and the value goes through the shared escaping.
   */
  private static void text(StringBuilder out, byte[] b, int off, int len, ValueLimit limit, boolean stripTrailing) {
    if (!stripTrailing) {
      int mark = out.length();
      out.append('"');
      int end = off + len;
      int i = off;
      for (; i < end; i++) {
        byte c = b[i];
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
          break; // negative bytes (non-ASCII) are < 0x20 too
        }
        out.append((char) c);
      }
      if (i == end) {
        if (limit.maxBytes() >= 0 && len > limit.maxBytes()) {
          throw StarRocksJson.tooLong(len, limit);
        }
        out.append('"');
        return;
      }
      out.setLength(mark);
    }
    String s = utf8(b, off, len);
    StarRocksJson.checkedString(out, stripTrailing ? s.stripTrailing() : s, limit);
  }

  /** {@code YYYY-MM-DD}, the year 4 digits or more, then {@code " BC"} for years before 1; or ±infinity. */
  private static void date(StringBuilder out, byte[] b, int off, int len, ValueLimit limit) {
    if (len == 10) {
      // ISO, years 0001 to 9999: the text is LocalDate.toString's, which the stream writes.
      StarRocksJson.checkYear(digits(b, off, 4), limit);
      out.append('"');
      ascii(out, b, off, len);
      out.append('"');
      return;
    }
    infinity(b, off, len);
    int dash = indexOf(b, off, len, (byte) '-', 4);
    int year = properYear(digits(b, off, dash - off), endsWithBc(b, off, len));
    StarRocksJson.checkYear(year, limit);
    StarRocksJson.string(out, LocalDate.of(year, digits(b, dash + 1, 2), digits(b, dash + 4, 2)).toString());
  }

  /**
   * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} (timestamptz: then {@code +00}, the session being UTC), then
   * {@code " BC"} before year 1; written as {@code yyyy-MM-dd HH:mm:ss.SSSSSS}.
   */
  private static void timestamp(StringBuilder out, byte[] b, int off, int len, ValueLimit limit, boolean zoned) {
    infinity(b, off, len);
    boolean bc = endsWithBc(b, off, len);
    int end = off + len - (bc ? 3 : 0);
    if (zoned) {
      // TimeZone=UTC: the offset is always +00 (Postgres prints the session zone's offset)
      if (end - 3 < off || b[end - 3] != '+' || b[end - 2] != '0' || b[end - 1] != '0') {
        throw new IllegalStateException("timestamptz text without the UTC offset +00: " + utf8(b, off, len)
            + " (the COPY session must run SET TimeZone=UTC)");
      }
      end -= 3;
    }
    int dash = indexOf(b, off, len, (byte) '-', 4);
    int yearDigits = dash - off;
    int year = properYear(digits(b, off, yearDigits), bc);
    StarRocksJson.checkYear(year, limit);
    int rest = dash; // "-MM-DD HH:MM:SS" then the optional fraction
    int fractionStart = rest + 15;
    if (yearDigits == 4 && !bc) {
      out.append('"');
      ascii(out, b, off, 19);
      out.append('.');
      fraction(out, b, fractionStart, end);
      out.append('"');
      return;
    }
    int nanos = fractionStart < end ? digitsPadded(b, fractionStart + 1, end - fractionStart - 1) * 1000 : 0;
    LocalDateTime t = LocalDateTime.of(year, digits(b, rest + 1, 2), digits(b, rest + 4, 2), digits(b, rest + 7, 2),
        digits(b, rest + 10, 2), digits(b, rest + 13, 2), nanos);
    StarRocksJson.string(out, t.format(DATETIME));
  }

  /** {@code HH:MM:SS[.ffffff]} → {@code HH:MM:SS.ffffff} (24:00:00 included, as Postgres has it). */
  private static void time(StringBuilder out, byte[] b, int off, int len) {
    out.append('"');
    ascii(out, b, off, 8);
    out.append('.');
    fraction(out, b, off + 8, off + len);
    out.append('"');
  }

  /**
   * timetz {@code HH:MM:SS[.ffffff]±HH[:MM[:SS]]}: the stream carries Debezium's {@code ZonedTime} text, the
   * time moved to UTC in ISO-8601 ({@code io.debezium.time.ZonedTime#toIsoString}).
   */
  private static void timetz(StringBuilder out, byte[] b, int off, int len, ValueLimit limit) {
    int sign = off + 8;
    while (b[sign] != '+' && b[sign] != '-') {
      sign++;
    }
    int nanos = sign > off + 8 ? digitsPadded(b, off + 9, sign - off - 9) * 1000 : 0;
    int zoneLen = off + len - sign - 1;
    int zh = digits(b, sign + 1, 2);
    int zm = zoneLen >= 5 ? digits(b, sign + 4, 2) : 0;
    int zs = zoneLen >= 8 ? digits(b, sign + 7, 2) : 0;
    int zoneSeconds = (b[sign] == '-' ? -1 : 1) * (zh * 3600 + zm * 60 + zs);
    int hour = digits(b, off, 2);
    OffsetTime time = hour == 24
        ? OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofTotalSeconds(zoneSeconds)).plusHours(24)
        : OffsetTime.of(hour, digits(b, off + 3, 2), digits(b, off + 6, 2), nanos, ZoneOffset.ofTotalSeconds(zoneSeconds));
    StarRocksJson.checkedString(out, io.debezium.time.ZonedTime.toIsoString(time.withOffsetSameInstant(ZoneOffset.UTC),
        null), limit);
  }

  /**
   * The stream's interval text: pgjdbc's {@link PGInterval} parses Postgres' output, and Debezium writes it
   * with {@code io.debezium.time.Interval.toIsoString} (seconds through a double, cut to 9 decimals), so the
   * same calls, and the same {@link StarRocksJson#exactInterval} repair, make the same text.
   */
  static void interval(StringBuilder out, String text, ValueLimit limit) {
    PGInterval interval;
    try {
      interval = new PGInterval(text);
    } catch (SQLException e) {
      throw new IllegalStateException("interval text does not parse: " + text, e);
    }
    StarRocksJson.checkedString(out, StarRocksJson.exactInterval(io.debezium.time.Interval.toIsoString(
        interval.getYears(), interval.getMonths(), interval.getDays(), interval.getHours(), interval.getMinutes(),
        new BigDecimal(interval.getSeconds()))), limit);
  }

  /** {@code bytea_output=hex}: {@code \x} then lower-case hex, which is the stream's text after the prefix. */
  private static void bytea(StringBuilder out, byte[] b, int off, int len, ValueLimit limit) {
    if (len < 2 || b[off] != '\\' || b[off + 1] != 'x') {
      throw new IllegalStateException("bytea text not in hex format (the COPY session must run SET bytea_output=hex)");
    }
    int hexLen = len - 2;
    if (limit.maxBytes() >= 0 && hexLen > limit.maxBytes()) {
      throw StarRocksJson.tooLong(hexLen, limit);
    }
    out.append('"');
    ascii(out, b, off + 2, hexLen);
    out.append('"');
  }

  /** A fraction {@code [.digits]} in {@code [from, end)} as exactly 6 digits. */
  private static void fraction(StringBuilder out, byte[] b, int from, int end) {
    int digits = from < end ? end - from - 1 : 0;
    ascii(out, b, from + 1, digits);
    ascii(out, ZEROS, 0, 6 - digits);
  }

  private static void infinity(byte[] b, int off, int len) {
    if (b[off] == 'i' || (b[off] == '-' && b[off + 1] == 'i')) {
      throw StarRocksJson.outOfDateRange("the value " + latin(b, off, len));
    }
  }

  private static boolean endsWithBc(byte[] b, int off, int len) {
    return len > 3 && b[off + len - 1] == 'C' && b[off + len - 2] == 'B' && b[off + len - 3] == ' ';
  }

  /** Postgres prints year n BC as n; java.time counts 1 BC as year 0. */
  private static int properYear(int year, boolean bc) {
    return bc ? 1 - year : year;
  }

  private static int indexOf(byte[] b, int off, int len, byte c, int from) {
    for (int i = off + from; i < off + len; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    throw new IllegalStateException("no '" + (char) c + "' in " + utf8(b, off, len));
  }

  private static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  /** Up to 6 fraction digits as microseconds. */
  private static int digitsPadded(byte[] b, int off, int n) {
    int v = digits(b, off, n);
    for (int i = n; i < 6; i++) {
      v *= 10;
    }
    return v;
  }
}
