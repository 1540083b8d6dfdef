package dev.pipelines.cdc.job.source;

import java.util.List;

/**
 * A row's key, written the same way by the snapshot (COPY) and the stream (Debezium): the routing key
 * must be equal on both paths, or a snapshot row and a later change of it would go to different sink
 * writers.
 */
public final class RowKeys {
  /** Longest key value shown in a message: a key can be a long text, and messages go to logs and status. */
  private static final int SHOWN = 100;

  private RowKeys() {}

  /** The key as the JSON text of each key column, each followed by \u0001 (empty for a missing one). */
  public static String of(String[] keyParts) {
    StringBuilder key = new StringBuilder();
    for (String part : keyParts) {
      key.append(part == null ? "" : part).append('\u0001');
    }
    return key.toString();
  }

  /** The key for messages, e.g. {@code id=42, region=eu}; long values abbreviated. */
  public static String text(List<String> keyColumns, Object[] values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keyColumns.size(); i++) {
      if (text.length() > 0) {
        text.append(", ");
      }
      String v = String.valueOf(values[i]);
      text.append(keyColumns.get(i)).append('=').append(v.length() > SHOWN ? v.substring(0, SHOWN) + "..." : v);
    }
    return text.toString();
  }
}
