package dev.pipelines.cdc.job.snapshot.copy;

import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.RowKeys;
import dev.pipelines.cdc.job.source.ChangeRowDeserializer;
import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.StarRocksJson;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.io.Serializable;
import java.util.List;

/**
 * The {@link CopyRowEncoder} of one table: each COPY line's fields, in select-list order, appended as
 * the JSON object the stream path writes for the same row ({@code "__op":0} last), with the same key
 * text and the same refusals.
 */
final class TableCopyEncoder implements CopyRowEncoder {
  private static final long serialVersionUID = 1L;

  /** One selected column. */
  record Column(String name, String jsonPrefix, PgTextType type, boolean array, ValueLimit limit,
      boolean stripTrailing, int keyIndex) implements Serializable {}

  private final String sourceTable;
  private final String selectList;
  private final List<Column> columns;
  private final List<String> keyColumns;
  /** Whether the key's size in StarRocks' encoding is checked (the shape carries StarRocks' limits). */
  private final boolean checkKeySize;

  private transient CopyFields fields;
  private transient PgArrayText arrays;
  private transient int[] keyBytes;

  TableCopyEncoder(String sourceTable, String selectList, List<Column> columns, List<String> keyColumns,
      boolean checkKeySize) {
    this.sourceTable = sourceTable;
    this.selectList = selectList;
    this.columns = List.copyOf(columns);
    this.keyColumns = List.copyOf(keyColumns);
    this.checkKeySize = checkKeySize;
  }

  @Override
  public String selectList() {
    return selectList;
  }

  @Override
  public ChangeRow encode(byte[] line, int offset, int length) {
    if (fields == null) {
      fields = new CopyFields();
      arrays = new PgArrayText();
      keyBytes = new int[keyColumns.size()];
    }
    CopyFields f = fields;
    f.reset(line, offset, length);
    StringBuilder json = new StringBuilder(Math.max(64, length + length / 2 + 16 * columns.size())).append('{');
    String[] keyParts = new String[keyColumns.size()];
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      f.next();
      if (c > 0) {
        json.append(',');
      }
      json.append(column.jsonPrefix());
      int valueStart = json.length();
      if (f.isNull()) {
        json.append("null");
      } else {
        try {
          if (column.array()) {
            arrays.append(json, column.type(), f.bytes(), f.offset(), f.length(),
                column.limit().element() == null ? ValueLimit.NONE : column.limit().element());
          } else {
            PgTextValues.append(json, column.type(), f.bytes(), f.offset(), f.length(), column.limit(),
                column.stripTrailing());
          }
        } catch (RejectedValue e) {
          throw PipelineStop.rowRejected(sourceTable, column.name(), keyText(line, offset, length), e.getMessage(), null);
        } catch (RuntimeException e) {
          // A value the job cannot convert at all: stop, once, naming it (as the stream path does).
          throw PipelineStop.rowRejected(sourceTable, column.name(), keyText(line, offset, length),
              "the value cannot be converted for StarRocks (" + e + "); change it in Postgres, or exclude the table", e);
        }
      }
      if (column.keyIndex() >= 0) {
        keyParts[column.keyIndex()] = json.substring(valueStart);
        keyBytes[column.keyIndex()] = column.limit().keyWidth() >= 0 ? column.limit().keyWidth()
            : keyStringBytes(f, column) + (column.keyIndex() < keyBytes.length - 1 ? 2 : 0);
      }
    }
    if (f.hasNext()) {
      throw new IllegalStateException("the COPY line of " + sourceTable + " has more fields than the select list");
    }
    if (checkKeySize) {
      checkKeySize(line, offset, length);
    }
    json.append(columns.isEmpty() ? "" : ",").append('"').append(ChangeRowDeserializer.OP_FIELD).append("\":0}");
    return new ChangeRow(sourceTable, RowKeys.of(keyParts), json.toString());
  }

  /** UTF-8 bytes of a string key value in StarRocks' key encoding (stripped as the stream strips it). */
  private static int keyStringBytes(CopyFields f, Column column) {
    if (f.isNull()) {
      return 0;
    }
    if (column.stripTrailing()) {
      return (int) ValueLimit.utf8Length(PgTextValues.utf8(f.bytes(), f.offset(), f.length()).stripTrailing());
    }
    return f.length();
  }

  /** As the stream path: fixed widths, a string's bytes plus a 2-byte separator unless it is the last key column. */
  private void checkKeySize(byte[] line, int offset, int length) {
    long size = 0;
    for (int i = 0; i < keyBytes.length; i++) {
      size += keyBytes[i];
    }
    if (size > StarRocksTypes.PRIMARY_KEY_LIMIT_BYTES) {
      throw PipelineStop.rowRejected(sourceTable, String.join(",", keyColumns), keyText(line, offset, length),
          StarRocksJson.keyTooLong(size), null);
    }
  }

  /** The row's key for messages, e.g. {@code id=42}; long values abbreviated (as the stream path writes it). */
  private String keyText(byte[] line, int offset, int length) {
    String[] values = new String[keyColumns.size()];
    CopyFields f = new CopyFields();
    f.reset(line, offset, length);
    for (Column column : columns) {
      if (!f.hasNext()) {
        break;
      }
      f.next();
      if (column.keyIndex() >= 0) {
        values[column.keyIndex()] = f.isNull() ? "null" : PgTextValues.utf8(f.bytes(), f.offset(), f.length());
      }
    }
    return RowKeys.text(keyColumns, values);
  }
}
