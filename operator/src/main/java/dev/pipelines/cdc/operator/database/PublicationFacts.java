package dev.pipelines.cdc.operator.database;

import java.util.Set;

/**
 * The pipeline's publication as it exists in the source database.
 *
 * @param owned the connecting user owns it (or is a member of its owner), so the job may change it
 * @param allTables FOR ALL TABLES
 * @param tables the published tables ({@code schema.table})
 */
public record PublicationFacts(boolean owned, boolean allTables, Set<String> tables) {
  public PublicationFacts {
    tables = Set.copyOf(tables);
  }
}
