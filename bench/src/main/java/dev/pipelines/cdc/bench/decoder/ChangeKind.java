package dev.pipelines.cdc.bench.decoder;

/** What a Stream Load row stands for. */
public enum ChangeKind {
  /** An Insert message: an upsert row, {@code "__op":0}. */
  INSERT,
  /** An Update message's new row: an upsert row, {@code "__op":0}. */
  UPDATE,
  /**
   * Before the upsert row of an Update whose replica identity (key) changed: a delete row of the old key,
   * {@code "__op":1}. Part of the same row change as the following {@link #UPDATE}, not a change of its own.
   */
  UPDATE_OLD_KEY_DELETE,
  /** A Delete message: a delete row of the key columns, {@code "__op":1}. */
  DELETE
}
