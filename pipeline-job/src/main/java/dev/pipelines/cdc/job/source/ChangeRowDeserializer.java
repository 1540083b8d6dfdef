package dev.pipelines.cdc.job.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;

/**
 * Debezium change record → {@link ChangeRow}: the after-image for inserts, updates and snapshot
 * reads ({@code __op} 0), only the key for deletes ({@code __op} 1; with default replica identity
 * the before-image holds nothing else that is true).
 */
public final class ChangeRowDeserializer implements DebeziumDeserializationSchema<ChangeRow> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String OP_FIELD = "__op";

  private final Map<String, TableShape> tables;

  /** @param tables shape of every captured table, by {@code schema.table} */
  public ChangeRowDeserializer(Map<String, TableShape> tables) {
    this.tables = Map.copyOf(tables);
  }

  @Override
  public void deserialize(SourceRecord record, Collector<ChangeRow> out) throws Exception {
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
    SchemaChangedException.check(table, shape.columns(), row.schema().fields().stream().map(Field::name).toList());
    ObjectNode json = JSON.createObjectNode();
    List<String> unavailable = new ArrayList<>();
    for (Field field : row.schema().fields()) {
      boolean key = shape.keyColumns().contains(field.name());
      if (delete && !key) {
        continue;
      }
      Object raw = row.get(field);
      if (DebeziumValues.UNAVAILABLE.equals(raw)) {
        unavailable.add(field.name());
        continue;
      }
      JsonNode v = DebeziumValues.toJson(field.schema(), raw);
      if (v.isTextual() && shape.blankPaddedColumns().contains(field.name())) {
        v = json.textNode(v.asText().stripTrailing());
      }
      json.set(field.name(), v);
    }
    json.put(OP_FIELD, delete ? 1 : 0);
    out.collect(new ChangeRow(table, keyOf(json, shape), JSON.writeValueAsString(json), String.join(",", unavailable)));
  }

  private static String keyOf(ObjectNode json, TableShape shape) {
    StringBuilder key = new StringBuilder();
    for (String column : shape.keyColumns()) {
      key.append(json.path(column).toString()).append('\u0001');
    }
    return key.toString();
  }

  @Override
  public TypeInformation<ChangeRow> getProducedType() {
    return TypeInformation.of(ChangeRow.class);
  }
}
