package dev.pipelines.cdc.job.snapshot;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One part of one table's snapshot: the rows of {@code relation} in a block range, read inside the
 * exported snapshot {@code snapshotName}. Immutable; a split is re-read from its start after a
 * restore (rows read twice are upserts of the same values).
 *
 * @param id unique within the snapshot, e.g. {@code public.orders#3}
 * @param table the captured table the rows are emitted as ({@code schema.table}); for a partition,
 *     its partitioned parent
 * @param relation the relation read, as quoted identifiers ({@code "s"."orders_2024"}); the table
 *     itself unless it is partitioned
 * @param fromBlock first block of the range, or {@link #OPEN} for no lower bound
 * @param toBlock first block after the range, or {@link #OPEN} for no upper bound: the last range of
 *     a relation is open-ended so rows in blocks added after it was measured are read too
 * @param snapshotName the exported snapshot to import
 */
public record SnapshotSplit(String id, String table, String relation, long fromBlock, long toBlock,
    String snapshotName) implements SourceSplit {
  public static final long OPEN = -1;

  public SnapshotSplit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(snapshotName, "snapshotName");
    if (fromBlock < OPEN || toBlock < OPEN || (fromBlock != OPEN && toBlock != OPEN && toBlock <= fromBlock)) {
      throw new IllegalArgumentException("bad block range [" + fromBlock + ", " + toBlock + ") in split " + id);
    }
  }

  @Override
  public String splitId() {
    return id;
  }

  /**
   * The WHERE clause of the split's range (empty: the whole relation). TID range scans (PostgreSQL
   * 14+) read only the blocks of the range; the bounds are numbers, never user text.
   */
  public String rangeCondition() {
    if (fromBlock == OPEN && toBlock == OPEN) {
      return "";
    }
    StringBuilder where = new StringBuilder(" WHERE ");
    if (fromBlock != OPEN) {
      where.append("ctid >= '(").append(fromBlock).append(",0)'::tid");
    }
    if (toBlock != OPEN) {
      where.append(fromBlock != OPEN ? " AND " : "").append("ctid < '(").append(toBlock).append(",0)'::tid");
    }
    return where.toString();
  }
}
