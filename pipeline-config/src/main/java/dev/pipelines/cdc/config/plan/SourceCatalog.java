package dev.pipelines.cdc.config.plan;

import java.util.List;
import java.util.Optional;

/**
 * The one description of a source database that the planning rules read: the operator's preflight
 * and the job both build it with {@link CatalogQuery}.
 *
 * @param database the database's name, for messages
 * @param tables every table the pipeline could capture (ordinary tables and partitioned parents,
 *     outside the system schemas), whatever the user's privileges on them
 * @param publication the pipeline's publication, if it exists
 * @param user the connecting user
 */
public record SourceCatalog(String database, List<CatalogTable> tables, Optional<CatalogPublication> publication,
    CatalogUser user) {
  public SourceCatalog {
    tables = List.copyOf(tables);
  }
}
