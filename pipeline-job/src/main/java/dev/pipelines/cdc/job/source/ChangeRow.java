package dev.pipelines.cdc.job.source;

import java.util.Objects;

/**
 * One change, ready for StarRocks: a JSON object of the target columns with {@code __op} (0 upsert,
 * 1 delete). A plain Flink POJO (public fields, no-arg constructor) so it travels cheaply between
 * operators.
 */
public final class ChangeRow {
  /**
   * Which read path a row came from: the snapshot and the stream run side by side, and the
   * reconciler ({@code job.reconcile}) drops a snapshot row whose key the stream has already
   * changed. {@link #MARKER} rows carry no data: the snapshot source's "table done" markers.
   */
  public enum Origin { SNAPSHOT, STREAM, MARKER }

  /** Source table, {@code schema.table}. */
  public String sourceTable;
  /** The row's primary key as text, for routing every change of a key to the same sink writer. */
  public String key;
  /** The row as a JSON object, including {@code __op}. */
  public String json;
  /**
   * Columns whose value the change did not carry (unchanged TOAST values), comma-separated; empty
   * when the row is complete. They are filled in before the row reaches StarRocks.
   */
  public String unavailable = "";
  /** Where the row was read; the stream's deserializer leaves the default. */
  public Origin origin = Origin.STREAM;

  public ChangeRow() {}

  public ChangeRow(String sourceTable, String key, String json) {
    this(sourceTable, key, json, "");
  }

  public ChangeRow(String sourceTable, String key, String json, String unavailable) {
    this.sourceTable = sourceTable;
    this.key = key;
    this.json = json;
    this.unavailable = unavailable;
  }

  public boolean complete() {
    return unavailable == null || unavailable.isEmpty();
  }

  /** Routing key: the same key in the same table always goes to the same writer, in order. */
  public String routingKey() {
    return sourceTable + "/" + key;
  }

  /** Equality is of the row's content: the same row read by either path is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeRow r && Objects.equals(sourceTable, r.sourceTable) && Objects.equals(key, r.key)
        && Objects.equals(json, r.json) && Objects.equals(unavailable, r.unavailable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceTable, key, json, unavailable);
  }

  @Override
  public String toString() {
    return sourceTable + "[" + key + "]";
  }
}
