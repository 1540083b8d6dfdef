package dev.pipelines.cdc.config.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's publication as it exists in the source database.
 *
 * @param owned the connecting user has the privileges of its owner's role ({@code pg_has_role(pubowner,
 *     'USAGE')}, PostgreSQL's own ownership test), so it may change the publication
 * @param allTables FOR ALL TABLES
 * @param tables the published tables ({@code schema.table}); with {@code viaPartitionRoot} false a
 *     partitioned table shows as its partitions ({@code pg_publication_tables})
 * @param publishes the kinds of change it publishes
 * @param viaPartitionRoot {@code publish_via_partition_root}: a partition's changes carry the
 *     partitioned table's name (as the snapshot emits them), not the partition's
 * @param columnsByTable the columns published of each table, by {@code schema.table}, where the server
 *     says (PostgreSQL 15+, {@code pg_publication_tables.attnames}: the column list, or every column
 *     without one); empty before 15, where a publication publishes every column
 */
public record CatalogPublication(boolean owned, boolean allTables, Set<String> tables, Set<PublishedChange> publishes,
    boolean viaPartitionRoot, Map<String, List<String>> columnsByTable) {
  public CatalogPublication {
    tables = Set.copyOf(tables);
    publishes = Set.copyOf(publishes);
    columnsByTable = Map.copyOf(columnsByTable);
  }

  /** A publication whose columns are not known (every column published). */
  public CatalogPublication(boolean owned, boolean allTables, Set<String> tables, Set<PublishedChange> publishes,
      boolean viaPartitionRoot) {
    this(owned, allTables, tables, publishes, viaPartitionRoot, Map.of());
  }
}
