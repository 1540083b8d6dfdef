package dev.pipelines.cdc.job.catalog;

import dev.pipelines.cdc.config.plan.TableSelector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Tests' shortcut to the job's catalog reading: the tables whose {@code schema.table} matches, with columns. */
public final class CatalogTables {
  private CatalogTables() {}

  public static List<SourceTable> matching(Connection connection, List<String> include) throws SQLException {
    PostgresCatalog catalog = new PostgresCatalog(connection);
    TableSelector selector = new TableSelector(include, List.of());
    // The publication's name only matters for the description's publication part, which these tests ignore.
    return catalog.tables(catalog.describe("unused").tables().stream()
        .filter(t -> selector.selects(t.qualifiedName())).toList());
  }
}
