package dev.pipelines.cdc.job.catalog;

import java.util.List;
import java.util.Set;

/**
 * A publication found in the source database.
 *
 * @param name publication name
 * @param ownedByUs the connected user owns it (and so may change its table list)
 * @param allTables {@code FOR ALL TABLES}
 * @param tables the tables it publishes, {@code schema.table}
 */
public record ExistingPublication(String name, boolean ownedByUs, boolean allTables, Set<String> tables) {

  /** Captured tables the publication does not publish. */
  public List<String> missing(List<String> captured) {
    return allTables ? List.of() : captured.stream().filter(t -> !tables.contains(t)).toList();
  }
}
