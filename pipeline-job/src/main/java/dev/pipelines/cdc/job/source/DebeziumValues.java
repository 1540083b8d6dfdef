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
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;

/**
 * Debezium value → the JSON text StarRocks' Stream Load parses into the mapped column type, appended
 * straight to the row being built (no JSON tree per value: the snapshot turns millions of rows into
 * text). Driven by Debezium's logical type names, with the source configured for exact values
 * ({@code decimal.handling.mode=string}, {@code interval.handling.mode=string},
 * {@code binary.handling.mode=hex}). The text is what Jackson writes for the same values.
 */
final class DebeziumValues {
  /** Debezium's stand-in for a TOASTed value an UPDATE did not touch. */
  static final String UNAVAILABLE = "__debezium_unavailable_value";

  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

  private DebeziumValues() {}

  /**
   * Appends the JSON of {@code value}.
   *
   * @param stripTrailing strip trailing blanks from a string value (a {@code character(n)} column)
   */
  static void appendJson(StringBuilder out, Schema schema, Object value, boolean stripTrailing) {
    if (value == null) {
      out.append("null");
      return;
    }
    String logical = schema.name();
    if (logical != null) {
      switch (logical) {
        case "io.debezium.time.Date" -> {
          string(out, LocalDate.ofEpochDay(((Number) value).longValue()).toString());
          return;
        }
        case "io.debezium.time.Timestamp" -> {
          datetime(out, Instant.ofEpochMilli(((Number) value).longValue()));
          return;
        }
        case "io.debezium.time.MicroTimestamp" -> {
          datetime(out, micros(((Number) value).longValue()));
          return;
        }
        case "io.debezium.time.NanoTimestamp" -> {
          datetime(out, Instant.EPOCH.plusNanos(((Number) value).longValue()));
          return;
        }
        case "io.debezium.time.ZonedTimestamp" -> {
          // timestamptz: stored in StarRocks as the UTC wall-clock time.
          string(out, OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDateTime().format(DATETIME));
          return;
        }
        case "io.debezium.time.Time" -> {
          string(out, LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).format(TIME));
          return;
        }
        case "io.debezium.time.MicroTime" -> {
          string(out, LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L).format(TIME));
          return;
        }
        case "io.debezium.time.NanoTime" -> {
          string(out, LocalTime.ofNanoOfDay(((Number) value).longValue()).format(TIME));
          return;
        }
        case "io.debezium.data.Json" -> {
          out.append(compactJson((String) value));
          return;
        }
        default -> {
          // a plain value of its physical type, below
        }
      }
    }
    switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> out.append(((Number) value).longValue());
      case FLOAT32, FLOAT64 -> floating(out, ((Number) value).doubleValue());
      case BOOLEAN -> out.append(((Boolean) value).booleanValue());
      case STRING -> string(out, stripTrailing ? ((String) value).stripTrailing() : (String) value);
      case ARRAY -> array(out, schema.valueSchema(), (List<?>) value);
      default -> string(out, String.valueOf(value));
    }
  }

  private static void array(StringBuilder out, Schema elementSchema, List<?> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendJson(out, elementSchema, values.get(i), false);
    }
    out.append(']');
  }

  /** A JSON string: quoted, with Jackson's escapes. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    STRINGS.quoteAsString(text, out);
    out.append('"');
  }

  /** JSON has no NaN or infinities: they travel as the strings StarRocks casts back to DOUBLE. */
  private static void floating(StringBuilder out, double v) {
    if (Double.isNaN(v)) {
      string(out, "NaN");
    } else if (Double.isInfinite(v)) {
      string(out, v > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(v);
    }
  }

  private static void datetime(StringBuilder out, Instant instant) {
    string(out, LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(DATETIME));
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
