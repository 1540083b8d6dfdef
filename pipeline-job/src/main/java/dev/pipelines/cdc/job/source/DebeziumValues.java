package dev.pipelines.cdc.job.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.StarRocksJson;
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

  private static final DateTimeFormatter DATETIME = StarRocksJson.DATETIME;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
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
          StarRocksJson.checkYear(date.getYear(), limit);
          StarRocksJson.string(out, date.toString());
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
          StarRocksJson.checkYear(utc.getYear(), limit);
          StarRocksJson.string(out, utc.format(DATETIME));
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
        case "io.debezium.time.Interval" -> {
          StarRocksJson.checkedString(out, StarRocksJson.exactInterval((String) value), limit);
          return;
        }
        case "io.debezium.data.Json" -> {
          StarRocksJson.json(out, (String) value);
          return;
        }
        default -> {
          // a plain value of its physical type, below
        }
      }
    }
    switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> out.append(((Number) value).longValue());
      case FLOAT32 -> StarRocksJson.floating(out, ((Number) value).floatValue());
      case FLOAT64 -> StarRocksJson.floating(out, ((Number) value).doubleValue());
      case BOOLEAN -> out.append(((Boolean) value).booleanValue());
      case STRING -> StarRocksJson.checkedString(out, stripTrailing ? ((String) value).stripTrailing() : (String) value, limit);
      case ARRAY -> array(out, schema.valueSchema(), (List<?>) value, limit.element() == null ? ValueLimit.NONE
          : limit.element());
      default -> StarRocksJson.checkedString(out, String.valueOf(value), limit);
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

  /** Postgres' time reaches 24:00:00, which LocalTime cannot hold. */
  private static void time(StringBuilder out, long nanoOfDay) {
    if (nanoOfDay == NANOS_PER_DAY) {
      StarRocksJson.string(out, "24:00:00.000000");
    } else {
      StarRocksJson.string(out, LocalTime.ofNanoOfDay(nanoOfDay).format(TIME));
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
    StarRocksJson.checkYear(utc.getYear(), limit);
    if (snapshot && limit.dateRange() && utc.isBefore(SNAPSHOT_SAFE_FROM)) {
      throw new RejectedValue("the snapshot read " + utc.format(DATETIME) + ", a timestamp before 1582-10-25, which"
          + " the CDC source's JDBC read shifts between the Julian and Gregorian calendars (by up to 10 days at"
          + " 1582, 2 days at year 1); change the value, or exclude the table (streamed changes are exact)");
    }
    StarRocksJson.string(out, utc.format(DATETIME));
  }

  /** A JSON string (the shared {@link StarRocksJson#string}). */
  static void string(StringBuilder out, String text) {
    StarRocksJson.string(out, text);
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

}
