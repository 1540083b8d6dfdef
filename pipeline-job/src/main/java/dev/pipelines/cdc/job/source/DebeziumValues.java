package dev.pipelines.cdc.job.source;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.ValueLimit;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;

/**
 * Debezium value → the JSON text StarRocks' Stream Load parses into the mapped column type, appended
 * straight to the row being built (no JSON tree per value: the snapshot turns millions of rows into
 * text). Driven by Debezium's logical type names, with the source configured for exact values
 * ({@code decimal.handling.mode=string}, {@code interval.handling.mode=string},
 * {@code binary.handling.mode=hex}). The text is what Jackson writes for the same values.
 *
 * <p>A value its StarRocks column cannot hold exactly ({@link ValueLimit}) throws
 * {@link RejectedValue}: StarRocks would filter the row, or store NULL, without a word.
 */
final class DebeziumValues {
  /** Debezium's stand-in for a TOASTed value an UPDATE did not touch. */
  static final String UNAVAILABLE = "__debezium_unavailable_value";

  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();
  /** A decimal as StarRocks' DECIMAL parses it; Postgres numeric can also be NaN or ±Infinity. */
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private DebeziumValues() {}

  /**
   * Appends the JSON of {@code value}.
   *
   * @param stripTrailing strip trailing blanks from a string value (a {@code character(n)} column)
   */
  static void appendJson(StringBuilder out, Schema schema, Object value, boolean stripTrailing) {
    appendJson(out, schema, value, stripTrailing, ValueLimit.NONE, false);
  }

  static void appendJson(StringBuilder out, Schema schema, Object value, boolean stripTrailing, ValueLimit limit) {
    appendJson(out, schema, value, stripTrailing, limit, false);
  }

  /**
   * As above, checking the value against what its StarRocks column holds.
   *
   * @param snapshot the value was read by the snapshot (JDBC), not decoded from the WAL
   */
  static void appendJson(StringBuilder out, Schema schema, Object value, boolean stripTrailing, ValueLimit limit,
      boolean snapshot) {
    if (value == null) {
      out.append("null");
      return;
    }
    String logical = schema.name();
    if (logical != null) {
      switch (logical) {
        case "io.debezium.time.Date" -> {
          LocalDate date = LocalDate.ofEpochDay(((Number) value).longValue());
          checkYear(date.getYear(), limit);
          string(out, date.toString());
          return;
        }
        case "io.debezium.time.Timestamp" -> {
          datetime(out, Instant.ofEpochMilli(((Number) value).longValue()), limit, snapshot);
          return;
        }
        case "io.debezium.time.MicroTimestamp" -> {
          datetime(out, micros(((Number) value).longValue()), limit, snapshot);
          return;
        }
        case "io.debezium.time.NanoTimestamp" -> {
          datetime(out, Instant.EPOCH.plusNanos(((Number) value).longValue()), limit, snapshot);
          return;
        }
        case "io.debezium.time.ZonedTimestamp" -> {
          // timestamptz: stored in StarRocks as the UTC wall-clock time.
          LocalDateTime utc = OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDateTime();
          checkYear(utc.getYear(), limit);
          string(out, utc.format(DATETIME));
          return;
        }
        case "io.debezium.time.Time" -> {
          time(out, ((Number) value).longValue() * 1_000_000L);
          return;
        }
        case "io.debezium.time.MicroTime" -> {
          time(out, ((Number) value).longValue() * 1_000L);
          return;
        }
        case "io.debezium.time.NanoTime" -> {
          time(out, ((Number) value).longValue());
          return;
        }
        case "io.debezium.data.Json" -> {
          String json = compactJson((String) value);
          if (json.equals("null")) {
            // StarRocks' JSON reader stores a JSON null as SQL NULL (add_nullable_column checks is_null()
            // first), and a JSON string stays a string: a json/jsonb 'null' has no way in.
            throw new RejectedValue("the json value is JSON null, which StarRocks' Stream Load stores as SQL NULL;"
                + " store SQL NULL or another JSON value in Postgres, or exclude the table");
          }
          out.append(json);
          return;
        }
        default -> {
          // a plain value of its physical type, below
        }
      }
    }
    switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> out.append(((Number) value).longValue());
      case FLOAT32 -> floating(out, ((Number) value).floatValue());
      case FLOAT64 -> floating(out, ((Number) value).doubleValue());
      case BOOLEAN -> out.append(((Boolean) value).booleanValue());
      case STRING -> checkedString(out, stripTrailing ? ((String) value).stripTrailing() : (String) value, limit);
      case ARRAY -> array(out, schema.valueSchema(), (List<?>) value, limit.element() == null ? ValueLimit.NONE
          : limit.element());
      default -> checkedString(out, String.valueOf(value), limit);
    }
  }

  private static void array(StringBuilder out, Schema elementSchema, List<?> values, ValueLimit elementLimit) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendJson(out, elementSchema, values.get(i), false, elementLimit, false);
    }
    out.append(']');
  }

  /** A string value, refused if its column cannot hold it. */
  private static void checkedString(StringBuilder out, String text, ValueLimit limit) {
    if (limit.maxBytes() >= 0) {
      long bytes = ValueLimit.utf8Length(text);
      if (bytes > limit.maxBytes()) {
        throw new RejectedValue("the value is " + bytes + " bytes of UTF-8, more than the " + limit.maxBytes()
            + " bytes its StarRocks column holds" + (limit.maxBytes() == StarRocksTypes.MAX_VARCHAR
                ? " (StarRocks' longest string, VARCHAR(1048576))" : "")
            + "; StarRocks would drop the row. Shorten the value in Postgres, or exclude the table");
      }
    }
    if (limit.decimal() && !DECIMAL_TEXT.matcher(text).matches()) {
      throw new RejectedValue("numeric value " + text + " has no StarRocks DECIMAL equivalent (StarRocks would"
          + " store NULL); change it in Postgres, or make the column an unconstrained numeric (carried as text)");
    }
    string(out, text);
  }

  private static void checkYear(int year, ValueLimit limit) {
    if (limit.dateRange() && !ValueLimit.yearInRange(year)) {
      throw new RejectedValue("year " + year + " is outside StarRocks' DATE/DATETIME range (0000-01-01 to"
          + " 9999-12-31; StarRocks would store NULL); change the value in Postgres, or exclude the table");
    }
  }

  /** Postgres' time reaches 24:00:00, which LocalTime cannot hold. */
  private static void time(StringBuilder out, long nanoOfDay) {
    if (nanoOfDay == NANOS_PER_DAY) {
      string(out, "24:00:00.000000");
    } else {
      string(out, LocalTime.ofNanoOfDay(nanoOfDay).format(TIME));
    }
  }

  /** A JSON string: quoted, with Jackson's escapes. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    STRINGS.quoteAsString(text, out);
    out.append('"');
  }

  /**
   * JSON has no NaN or infinities: they travel as the strings "NaN", "Infinity", "-Infinity", which
   * StarRocks' JSON reader parses into FLOAT/DOUBLE as those values ({@code StringParser::string_to_float},
   * be/src/util/string_parser.hpp: an {@code inf} or {@code nan} after the sign).
   */
  private static void floating(StringBuilder out, double v) {
    if (Double.isNaN(v)) {
      string(out, "NaN");
    } else if (Double.isInfinite(v)) {
      string(out, v > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(v);
    }
  }

  /** A real: its shortest float text (the double's would carry digits the float does not have). */
  private static void floating(StringBuilder out, float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      floating(out, (double) v);
    } else {
      out.append(v);
    }
  }

  /**
   * The snapshot reads timestamps through {@code java.sql.Timestamp}, whose calendar is Julian before
   * 1582-10-15: measured here, {@code 1582-10-10 12:00} arrived as 1582-10-20 and {@code 0001-01-01}
   * as 0000-12-30 (the streamed values are right). A snapshot value that may be shifted (before
   * 1582-10-25, ten days past the switch) is refused rather than written wrong.
   */
  static final LocalDateTime SNAPSHOT_SAFE_FROM = LocalDateTime.of(1582, 10, 25, 0, 0);

  private static void datetime(StringBuilder out, Instant instant, ValueLimit limit, boolean snapshot) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    checkYear(utc.getYear(), limit);
    if (snapshot && limit.dateRange() && utc.isBefore(SNAPSHOT_SAFE_FROM)) {
      throw new RejectedValue("the snapshot read " + utc.format(DATETIME) + ", a timestamp before 1582-10-25, which"
          + " the CDC source's JDBC read shifts between the Julian and Gregorian calendars (by up to 10 days at"
          + " 1582, 2 days at year 1); change the value, or exclude the table (streamed changes are exact)");
    }
    string(out, utc.format(DATETIME));
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** json/jsonb text, validated and written compactly (as StarRocks' JSON column would hold it). */
  private static String compactJson(String text) {
    try {
      return JSON.writeValueAsString(JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("Postgres sent JSON that does not parse: " + e.getMessage(), e);
    }
  }
}
