package dev.pipelines.cdc.job.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The JSON text a value takes in a StarRocks Stream Load row, and the checks against what its column
 * holds ({@link ValueLimit}). One place for both read paths (the stream's Debezium values and the
 * snapshot's COPY text), so a value is written, and refused, the same way whichever path read it. The
 * text is what Jackson writes for the same values.
 */
public final class StarRocksJson {
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A decimal as StarRocks' DECIMAL parses it; Postgres numeric can also be NaN or ±Infinity. */
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /**
   * DATETIME text. {@code uuuu}, the proleptic year: {@code yyyy} is the year of the era, which printed
   * 1 BC (year 0, inside StarRocks' range) as 0001, i.e. 1 AD.
   */
  public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private StarRocksJson() {}

  /** A JSON string: quoted, with Jackson's escapes. */
  public static void string(StringBuilder out, String text) {
    out.append('"');
    STRINGS.quoteAsString(text, out);
    out.append('"');
  }

  /** A string value, refused if its column cannot hold it. */
  public static void checkedString(StringBuilder out, String text, ValueLimit limit) {
    if (limit.maxBytes() >= 0) {
      long bytes = ValueLimit.utf8Length(text);
      if (bytes > limit.maxBytes()) {
        throw tooLong(bytes, limit);
      }
    }
    if (limit.decimal() && !DECIMAL_TEXT.matcher(text).matches()) {
      throw notADecimal(text);
    }
    string(out, text);
  }

  public static RejectedValue tooLong(long bytes, ValueLimit limit) {
    return new RejectedValue("the value is " + bytes + " bytes of UTF-8, more than the " + limit.maxBytes()
        + " bytes its StarRocks column holds" + (limit.maxBytes() == StarRocksTypes.MAX_VARCHAR
            ? " (StarRocks' longest string, VARCHAR(1048576))" : "")
        + "; StarRocks would drop the row. Shorten the value in Postgres, or exclude the table");
  }

  public static RejectedValue notADecimal(String text) {
    return new RejectedValue("numeric value " + text + " has no StarRocks DECIMAL equivalent (StarRocks would"
        + " store NULL); change it in Postgres, or make the column an unconstrained numeric (carried as text)");
  }

  public static void checkYear(int year, ValueLimit limit) {
    if (limit.dateRange() && !ValueLimit.yearInRange(year)) {
      throw outOfDateRange("year " + year);
    }
  }

  /** @param what e.g. {@code year 10000} or {@code infinity} */
  public static RejectedValue outOfDateRange(String what) {
    return new RejectedValue(what + " is outside StarRocks' DATE/DATETIME range (0000-01-01 to"
        + " 9999-12-31; StarRocks would store NULL); change the value in Postgres, or exclude the table");
  }

  /**
   * JSON has no NaN or infinities: they travel as the strings "NaN", "Infinity", "-Infinity", which
   * StarRocks' JSON reader parses into FLOAT/DOUBLE as those values ({@code StringParser::string_to_float},
   * be/src/util/string_parser.hpp: an {@code inf} or {@code nan} after the sign).
   */
  public static void floating(StringBuilder out, double v) {
    if (Double.isNaN(v)) {
      string(out, "NaN");
    } else if (Double.isInfinite(v)) {
      string(out, v > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(v);
    }
  }

  /** A real: its shortest float text (the double's would carry digits the float does not have). */
  public static void floating(StringBuilder out, float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      floating(out, (double) v);
    } else {
      out.append(v);
    }
  }

  /**
   * A json/jsonb value, validated and written compactly (as StarRocks' JSON column would hold it).
   * StarRocks' JSON reader stores a JSON null as SQL NULL ({@code add_nullable_column} checks
   * {@code is_null()} first), and a JSON string stays a string: a json/jsonb {@code 'null'} has no way in.
   */
  public static void json(StringBuilder out, String text) {
    String json = compactJson(text);
    if (json.equals("null")) {
      throw jsonNull();
    }
    out.append(json);
  }

  /**
   * As {@link #json(StringBuilder, String)}, for JSON without duplicate keys (jsonb: Postgres keeps the last
   * of each key), streamed from its UTF-8 bytes: parser events copied to the generator Jackson also writes
   * the tree with, so the text is the same (StarRocksJsonTest compares them) without a tree per value.
   * A tree differs only for duplicate keys (one entry, the last value at the first key's place).
   */
  public static void jsonWithUniqueKeys(StringBuilder out, byte[] utf8, int offset, int length) {
    try (JsonParser parser = JSON.getFactory().createParser(utf8, offset, length);
        JsonGenerator generator = JSON.getFactory().createGenerator(new AppendingWriter(out))) {
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        throw jsonNull();
      }
      generator.copyCurrentStructure(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("Postgres sent JSON that does not parse: " + e.getMessage(), e);
    }
  }

  private static RejectedValue jsonNull() {
    return new RejectedValue("the json value is JSON null, which StarRocks' Stream Load stores as SQL NULL;"
        + " store SQL NULL or another JSON value in Postgres, or exclude the table");
  }

  /** A Writer into the row being built. */
  private static final class AppendingWriter extends java.io.Writer {
    private final StringBuilder out;

    AppendingWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      out.append(text, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static String compactJson(String text) {
    try {
      return JSON.writeValueAsString(JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("Postgres sent JSON that does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Debezium's interval text ({@code interval.handling.mode=string}, {@code io.debezium.time.Interval.toIsoString})
   * with its seconds made exact again. Debezium passes pgjdbc's {@code PGInterval.getSeconds()}, a double, through
   * {@code new BigDecimal(double)} and cuts it to 9 decimals, rounding down: {@code 0.3} seconds became
   * {@code 0.299999999S}, {@code 1.000001} became {@code 1.000000999S} (measured). Postgres keeps microseconds and
   * the seconds part is below 60, so rounding to 6 decimals recovers the value exactly.
   */
  public static String exactInterval(String debeziumIso) {
    int end = debeziumIso.length() - 1;
    int start = debeziumIso.lastIndexOf('M', end) + 1;
    if (end < 0 || debeziumIso.charAt(end) != 'S' || start <= 0 || debeziumIso.indexOf('.', start) < 0) {
      return debeziumIso;
    }
    String seconds = new java.math.BigDecimal(debeziumIso.substring(start, end))
        .setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    return debeziumIso.substring(0, start) + seconds + "S";
  }

  /** The rule broken by a primary key longer than StarRocks' encoded-key limit. */
  public static String keyTooLong(long size) {
    return "the primary key is " + size + " bytes in StarRocks' encoding, more than its limit of "
        + StarRocksTypes.PRIMARY_KEY_LIMIT_BYTES + " bytes (BE primary_key_limit_size), and StarRocks"
        + " would fail every load holding it; shorten the key in Postgres, raise primary_key_limit_size on"
        + " every BE, or exclude the table";
  }
}
