package dev.pipelines.cdc.job.source;

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
   * Row schemas already checked against their table's shape. Debezium keeps one Schema object per
   * table shape, so the check runs once per shape instead of once per row.
   */
  private transient Map<Schema, Boolean> checkedSchemas;

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
    Struct source = value.getStruct("source");
    String table = source.getString("schema") + "." + source.getString("table");
    TableShape shape = tables.get(table);
    if (shape == null) {
      return; // a table the publication still lists but this pipeline no longer selects
    }
    boolean delete = "d".equals(value.getString("op"));
    Struct row = delete ? value.getStruct("before") : value.getStruct("after");
    check(table, shape, row.schema());
    StringBuilder json = new StringBuilder(256).append('{');
    String[] keyParts = new String[shape.keyColumns().size()];
    List<String> unavailable = null;
    boolean first = true;
    for (Field field : row.schema().fields()) {
      int keyIndex = shape.keyColumns().indexOf(field.name());
      if (delete && keyIndex < 0) {
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
      DebeziumValues.string(json, field.name());
      json.append(':');
      int valueStart = json.length();
      DebeziumValues.appendJson(json, field.schema(), raw, shape.blankPaddedColumns().contains(field.name()));
      if (keyIndex >= 0) {
        keyParts[keyIndex] = json.substring(valueStart);
      }
    }
    json.append(first ? "" : ",").append('"').append(OP_FIELD).append("\":").append(delete ? 1 : 0).append('}');
    out.collect(new ChangeRow(table, keyOf(keyParts), json.toString(),
        unavailable == null ? "" : String.join(",", unavailable)));
  }

  private void check(String table, TableShape shape, Schema schema) {
    if (checkedSchemas == null) {
      checkedSchemas = new IdentityHashMap<>();
    }
    if (checkedSchemas.containsKey(schema)) {
      return;
    }
    SchemaChangedException.check(table, shape.columns(), schema.fields().stream().map(Field::name).toList());
    checkedSchemas.put(schema, Boolean.TRUE);
  }

  /** The key as the JSON text of each key column, each followed by \u0001 (empty for a missing one, as before). */
  private static String keyOf(String[] keyParts) {
    StringBuilder key = new StringBuilder();
    for (String part : keyParts) {
      key.append(part == null ? "" : part).append('\u0001');
    }
    return key.toString();
  }

  @Override
  public TypeInformation<ChangeRow> getProducedType() {
    return TypeInformation.of(ChangeRow.class);
  }
}
