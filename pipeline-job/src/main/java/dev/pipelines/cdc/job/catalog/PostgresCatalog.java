package dev.pipelines.cdc.job.catalog;

import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.CatalogColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the source database's catalog: the shared description the planning rules read (the same
 * queries as the operator's preflight, {@link CatalogQuery}), then the columns of the tables selected
 * ({@link CatalogQuery#COLUMNS}, also the preflight's).
 */
public final class PostgresCatalog {
  private final Connection connection;

  public PostgresCatalog(Connection connection) {
    this.connection = connection;
  }

  /** Every table the pipeline could capture, the publication and the user: the planning rules' input. */
  public SourceCatalog describe(String publicationName) throws SQLException {
    return CatalogQuery.read(connection, publicationName);
  }

  /** The given tables with all their columns (keys and replica identity come from the description). */
  public List<SourceTable> tables(List<CatalogTable> selected) throws SQLException {
    Map<String, List<CatalogColumn>> columns = CatalogQuery.columns(connection, selected);
    List<SourceTable> tables = new ArrayList<>();
    for (CatalogTable t : selected) {
      List<SourceColumn> own = columns.getOrDefault(t.qualifiedName(), List.of()).stream()
          .map(c -> new SourceColumn(c.name(), c.type(), c.enumType(), c.nullable())).toList();
      tables.add(new SourceTable(t.schema(), t.name(), own, t.primaryKey(), t.replicaIdentityFull()));
    }
    return tables;
  }
}
