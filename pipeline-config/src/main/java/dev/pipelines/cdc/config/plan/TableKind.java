package dev.pipelines.cdc.config.plan;

/**
 * What kind of relation a captured table is ({@code pg_class.relkind}). Partitions are not listed:
 * a partitioned table is captured through its parent (flink-cdc's {@code includePartitionedTables}),
 * so the catalog query leaves out {@code relispartition} rows on both sides.
 */
public enum TableKind {
  /** relkind {@code r}: an ordinary table. */
  TABLE,
  /** relkind {@code p}: the parent of a partitioned table. */
  PARTITIONED_TABLE;

  static TableKind ofRelkind(String relkind) {
    return switch (relkind) {
      case "r" -> TABLE;
      case "p" -> PARTITIONED_TABLE;
      default -> throw new IllegalArgumentException("relkind '" + relkind + "' is not a table the pipeline captures");
    };
  }
}
