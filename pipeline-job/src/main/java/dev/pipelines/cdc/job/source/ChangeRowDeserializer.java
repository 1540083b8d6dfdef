package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.StarRocksJson;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;

/**
 * Debezium change record → {@link ChangeRow}: the after-image for inserts, updates and snapshot
 * reads ({@code __op} 0), only the key for deletes ({@code __op} 1; with default replica identity
 * the before-image holds nothing else that is true). The JSON row is written as text in one pass.
 */
public final class ChangeRowDeserializer implements DebeziumDeserializationSchema<ChangeRow> {
  private static final long serialVersionUID = 1L;
  public static final String OP_FIELD = "__op";

  private final Map<String, TableShape> tables;
  private final TruncateStop truncateStop;
  /**
   * Row schemas already checked against their table's shape, with how their rows are written. Debezium
   * keeps one Schema object per table shape, so both are made once per shape instead of once per row.
   */
  private transient Map<Schema, RowLayout> layouts;
  /** The captured table of each envelope schema (one per table and shape), {@code schema.table}. */
  private transient Map<Schema, String> tableByEnvelope;

  /** As below, with a TRUNCATE stop that does not know the StarRocks tables' names (tests). */
  public ChangeRowDeserializer(Map<String, TableShape> tables) {
    this(tables, TruncateStop.withoutTargetNames(tables.keySet()));
  }

  /**
   * @param tables shape of every captured table, by {@code schema.table}
   * @param truncateStop how a TRUNCATE of a captured table stops the pipeline
   */
  public ChangeRowDeserializer(Map<String, TableShape> tables, TruncateStop truncateStop) {
    this.tables = Map.copyOf(tables);
    this.truncateStop = truncateStop;
  }

  @Override
  public void deserialize(SourceRecord record, Collector<ChangeRow> out) throws Exception {
    truncateStop.check(record); // a truncate carries no row: it stops the pipeline here
    if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
      return; // heartbeats and tombstones carry no row
    }
    String table = table(value);
    TableShape shape = tables.get(table);
    if (shape == null) {
      return; // a table the publication still lists but this pipeline no longer selects
    }
    String op = value.getString("op");
    boolean delete = "d".equals(op);
    boolean snapshot = "r".equals(op);
    Struct row = delete ? value.getStruct("before") : value.getStruct("after");
    RowLayout layout = layout(table, shape, row.schema());
    StringBuilder json = new StringBuilder(256).append('{');
    String[] keyParts = new String[shape.keyColumns().size()];
    List<String> unavailable = null;
    boolean first = true;
    Field[] fields = layout.fields;
    for (int i = 0; i < fields.length; i++) {
      Field field = fields[i];
      int keyIndex = layout.keyIndex[i];
      if (!layout.written[i] || (delete && keyIndex < 0)) {
        continue;
      }
      Object raw = row.get(field);
      if (DebeziumValues.UNAVAILABLE.equals(raw)) {
        if (unavailable == null) {
          unavailable = new ArrayList<>();
        }
        unavailable.add(field.name());
        continue;
      }
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append(layout.jsonNames[i]);
      int valueStart = json.length();
      try {
        DebeziumValues.appendJson(json, field.schema(), raw, layout.blankPadded[i], layout.limits[i], snapshot);
      } catch (RejectedValue e) {
        throw PipelineStop.rowRejected(table, field.name(), keyText(shape, row), e.getMessage(), null);
      } catch (RuntimeException e) {
        // A value the job cannot convert at all (e.g. a date Java cannot represent): stop, once, naming it.
        throw PipelineStop.rowRejected(table, field.name(), keyText(shape, row),
            "the value cannot be converted for StarRocks (" + e + "); change it in Postgres, or exclude the table", e);
      }
      if (keyIndex >= 0) {
        keyParts[keyIndex] = json.substring(valueStart);
      }
    }
    checkKeySize(table, shape, row);
    json.append(first ? "" : ",").append('"').append(OP_FIELD).append("\":").append(delete ? 1 : 0).append('}');
    out.collect(new ChangeRow(table, RowKeys.of(keyParts), json.toString(),
        unavailable == null ? "" : String.join(",", unavailable)));
  }

  private String table(Struct value) {
    if (tableByEnvelope == null) {
      tableByEnvelope = new IdentityHashMap<>();
    }
    return tableByEnvelope.computeIfAbsent(value.schema(), envelope -> {
      Struct source = value.getStruct("source");
      return source.getString("schema") + "." + source.getString("table");
    });
  }

  private RowLayout layout(String table, TableShape shape, Schema schema) {
    if (layouts == null) {
      layouts = new IdentityHashMap<>();
    }
    RowLayout layout = layouts.get(schema);
    if (layout == null) {
      // Only written columns count: a column a transform leaves out may come and go.
      SchemaChangedException.check(table, shape.columns(),
          schema.fields().stream().map(Field::name).filter(shape.transform()::keeps).toList());
      layout = RowLayout.of(schema, shape);
      layouts.put(schema, layout);
    }
    return layout;
  }

  /**
   * StarRocks fails a whole load whose row has an encoded primary key over
   * {@link StarRocksTypes#PRIMARY_KEY_LIMIT_BYTES} (the emulator approximates the same encoding: fixed
   * widths for numbers and dates, UTF-8 bytes plus a 2-byte separator for a string that is not the last
   * key column). Refused here so the message names the row.
   */
  private static void checkKeySize(String table, TableShape shape, Struct row) {
    if (shape.limits().isEmpty()) {
      return;
    }
    long size = 0;
    List<String> keys = shape.keyColumns();
    for (int i = 0; i < keys.size(); i++) {
      ValueLimit limit = shape.limit(keys.get(i));
      if (limit.keyWidth() >= 0) {
        size += limit.keyWidth();
      } else {
        Object value = row.get(keys.get(i));
        String text = value == null ? "" : value.toString();
        size += ValueLimit.utf8Length(shape.blankPaddedColumns().contains(keys.get(i)) ? text.stripTrailing() : text)
            + (i < keys.size() - 1 ? 2 : 0);
      }
    }
    if (size > StarRocksTypes.PRIMARY_KEY_LIMIT_BYTES) {
      throw PipelineStop.rowRejected(table, String.join(",", keys), keyText(shape, row),
          StarRocksJson.keyTooLong(size), null);
    }
  }

  /** The row's key for messages, e.g. {@code id=42}; long values abbreviated. */
  private static String keyText(TableShape shape, Struct row) {
    List<String> keys = List.copyOf(shape.keyColumns());
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      values[i] = row.schema().field(keys.get(i)) == null ? null : row.get(keys.get(i));
    }
    return RowKeys.text(keys, values);
  }

  @Override
  public TypeInformation<ChangeRow> getProducedType() {
    return TypeInformation.of(ChangeRow.class);
  }
}
