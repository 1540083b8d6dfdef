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
    CatalogUser user, int serverVersionNum) {
  /** The release the catalogs without a version are taken for (what the tests run). */
  public static final int DEFAULT_VERSION_NUM = 170000;

  public SourceCatalog {
    tables = List.copyOf(tables);
  }

  /** A catalog of a PostgreSQL {@link #DEFAULT_VERSION_NUM} server. */
  public SourceCatalog(String database, List<CatalogTable> tables, Optional<CatalogPublication> publication,
      CatalogUser user) {
    this(database, tables, publication, user, DEFAULT_VERSION_NUM);
  }

  /** The server's major version, e.g. 15. */
  public int majorVersion() {
    return serverVersionNum / 10000;
  }
}
