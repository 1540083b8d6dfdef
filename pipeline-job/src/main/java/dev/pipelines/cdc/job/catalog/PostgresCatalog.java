package dev.pipelines.cdc.job.catalog;

import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the source database's catalog: the shared description the planning rules read (the same
 * queries as the operator's preflight, {@link CatalogQuery}), then the columns of the tables selected.
 */
public final class PostgresCatalog {
  // Domains are reported as their base type, so a domain over numeric(10,2) maps like numeric(10,2).
  private static final String COLUMNS = """
      SELECT a.attname,
             CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod)
                  ELSE format_type(a.atttypid, a.atttypmod) END AS type,
             t.typtype = 'e' AS is_enum,
             NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum""";

  private final Connection connection;

  public PostgresCatalog(Connection connection) {
    this.connection = connection;
  }

  /** Every table the pipeline could capture, the publication and the user: the planning rules' input. */
  public SourceCatalog describe(String publicationName) throws SQLException {
    return CatalogQuery.read(connection, publicationName);
  }

  /** The given tables with their columns (keys and replica identity come from the description). */
  public List<SourceTable> tables(List<CatalogTable> selected) throws SQLException {
    List<SourceTable> tables = new ArrayList<>();
    for (CatalogTable t : selected) {
      String regclass = quote(t.schema()) + "." + quote(t.name());
      tables.add(new SourceTable(t.schema(), t.name(), columns(regclass), t.primaryKey(), t.replicaIdentityFull()));
    }
    return tables;
  }

  private List<SourceColumn> columns(String regclass) throws SQLException {
    List<SourceColumn> out = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
      st.setString(1, regclass);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new SourceColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
        }
      }
    }
    return out;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
