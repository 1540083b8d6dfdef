package dev.pipelines.cdc.job.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Debezium value → the JSON value StarRocks' Stream Load parses into the mapped column type.
 * Driven by Debezium's logical type names, with the source configured for exact values
 * ({@code decimal.handling.mode=string}, {@code interval.handling.mode=string},
 * {@code binary.handling.mode=hex}).
 */
final class DebeziumValues {
  /** Debezium's stand-in for a TOASTed value an UPDATE did not touch. */
  static final String UNAVAILABLE = "__debezium_unavailable_value";

  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private DebeziumValues() {}

  static JsonNode toJson(Schema schema, Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    String logical = schema.name();
    if (logical != null) {
      switch (logical) {
        case "io.debezium.time.Date":
          return NODES.textNode(LocalDate.ofEpochDay(((Number) value).longValue()).toString());
        case "io.debezium.time.Timestamp":
          return datetime(Instant.ofEpochMilli(((Number) value).longValue()));
        case "io.debezium.time.MicroTimestamp":
          return datetime(micros(((Number) value).longValue()));
        case "io.debezium.time.NanoTimestamp":
          return datetime(Instant.EPOCH.plusNanos(((Number) value).longValue()));
        case "io.debezium.time.ZonedTimestamp":
          // timestamptz: stored in StarRocks as the UTC wall-clock time.
          return NODES.textNode(OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDateTime().format(DATETIME));
        case "io.debezium.time.Time":
          return NODES.textNode(LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).format(TIME));
        case "io.debezium.time.MicroTime":
          return NODES.textNode(LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L).format(TIME));
        case "io.debezium.time.NanoTime":
          return NODES.textNode(LocalTime.ofNanoOfDay(((Number) value).longValue()).format(TIME));
        case "io.debezium.data.Json":
          return parseJson((String) value);
        default:
          break;
      }
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> NODES.numberNode(((Number) value).longValue());
      case FLOAT32, FLOAT64 -> floating(((Number) value).doubleValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case STRING -> NODES.textNode((String) value);
      case ARRAY -> array(schema.valueSchema(), (List<?>) value);
      default -> NODES.textNode(String.valueOf(value));
    };
  }

  private static JsonNode array(Schema elementSchema, List<?> values) {
    ArrayNode array = NODES.arrayNode(values.size());
    for (Object v : values) {
      array.add(toJson(elementSchema, v));
    }
    return array;
  }

  /** JSON has no NaN or infinities: they travel as the strings StarRocks casts back to DOUBLE. */
  private static JsonNode floating(double v) {
    if (Double.isNaN(v)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(v)) {
      return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(v);
  }

  private static JsonNode datetime(Instant instant) {
    return NODES.textNode(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(DATETIME));
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Postgres sent JSON that does not parse: " + e.getMessage(), e);
    }
  }
}
