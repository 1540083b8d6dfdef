package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.job.types.ValueLimit;
import java.util.List;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;

/**
 * How the rows of one Debezium row schema are written: per field whether it is written at all (a
 * transform may leave it out), its JSON name (its StarRocks name, escaped, with the colon), its place in
 * the key (-1 if none), whether it is blank-padded, and its limit. Built once per
 * schema (Debezium keeps one Schema object per table shape): the streaming profile showed the per-row
 * lookups by column name and the re-escaped names among the deserializer's costs.
 */
final class RowLayout {
  final Field[] fields;
  final boolean[] written;
  final String[] jsonNames;
  final int[] keyIndex;
  final boolean[] blankPadded;
  final ValueLimit[] limits;

  private RowLayout(Field[] fields, boolean[] written, String[] jsonNames, int[] keyIndex, boolean[] blankPadded,
      ValueLimit[] limits) {
    this.fields = fields;
    this.written = written;
    this.jsonNames = jsonNames;
    this.keyIndex = keyIndex;
    this.blankPadded = blankPadded;
    this.limits = limits;
  }

  static RowLayout of(Schema row, TableShape shape) {
    List<Field> all = row.fields();
    int n = all.size();
    Field[] fields = all.toArray(Field[]::new);
    boolean[] written = new boolean[n];
    String[] names = new String[n];
    int[] keys = new int[n];
    boolean[] padded = new boolean[n];
    ValueLimit[] limits = new ValueLimit[n];
    for (int i = 0; i < n; i++) {
      String name = fields[i].name();
      written[i] = shape.transform().keeps(name);
      StringBuilder json = new StringBuilder(name.length() + 3);
      DebeziumValues.string(json, shape.transform().targetName(name));
      names[i] = json.append(':').toString();
      keys[i] = shape.keyColumns().indexOf(name);
      padded[i] = shape.blankPaddedColumns().contains(name);
      limits[i] = shape.limit(name);
    }
    return new RowLayout(fields, written, names, keys, padded, limits);
  }
}
