package dev.pipelines.cdc.config.plan;

import java.util.Set;

/**
 * The pipeline's publication as it exists in the source database.
 *
 * @param owned the connecting user has the privileges of its owner's role ({@code pg_has_role(pubowner,
 *     'USAGE')}, PostgreSQL's own ownership test), so it may change the publication
 * @param allTables FOR ALL TABLES
 * @param tables the published tables ({@code schema.table})
 */
public record CatalogPublication(boolean owned, boolean allTables, Set<String> tables) {
  public CatalogPublication {
    tables = Set.copyOf(tables);
  }
}
