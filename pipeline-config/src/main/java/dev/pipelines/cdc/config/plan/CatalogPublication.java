package dev.pipelines.cdc.config.plan;

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
 */
public record CatalogPublication(boolean owned, boolean allTables, Set<String> tables, Set<PublishedChange> publishes,
    boolean viaPartitionRoot) {
  public CatalogPublication {
    tables = Set.copyOf(tables);
    publishes = Set.copyOf(publishes);
  }
}
