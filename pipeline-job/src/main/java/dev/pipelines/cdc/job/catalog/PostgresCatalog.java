package dev.pipelines.cdc.job.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads table definitions from a Postgres catalog. */
public final class PostgresCatalog {
  private static final String TABLES = """
      SELECT n.nspname, c.relname, c.relreplident = 'f' AS identity_full
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND NOT c.relispartition
      ORDER BY 1, 2""";

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

  private static final String PRIMARY_KEY = """
      SELECT a.attname
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ?::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)""";

  private static final String PUBLICATION = """
      SELECT pg_get_userbyid(p.pubowner) = current_user, p.puballtables,
             COALESCE(array_agg(t.schemaname || '.' || t.tablename) FILTER (WHERE t.tablename IS NOT NULL), '{}')
      FROM pg_publication p LEFT JOIN pg_publication_tables t ON t.pubname = p.pubname
      WHERE p.pubname = ? GROUP BY p.pubowner, p.puballtables""";

  private final Connection connection;

  public PostgresCatalog(Connection connection) {
    this.connection = connection;
  }

  /** Every user table ({@code schema.table}) the connection can see. */
  public List<String> tableNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(TABLES); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1) + "." + rs.getString(2));
      }
    }
    return names;
  }

  /** The tables the selector selects, with columns and keys. */
  public List<SourceTable> tables(TableSelector selector) throws SQLException {
    List<SourceTable> tables = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(TABLES); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String schema = rs.getString(1);
        String name = rs.getString(2);
        if (selector.selects(schema + "." + name)) {
          String regclass = quote(schema) + "." + quote(name);
          tables.add(new SourceTable(schema, name, columns(regclass), primaryKey(regclass), rs.getBoolean(3)));
        }
      }
    }
    return tables;
  }

  /** The publication, if it exists. */
  public java.util.Optional<ExistingPublication> publication(String name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(PUBLICATION)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        String[] tables = (String[]) rs.getArray(3).getArray();
        return java.util.Optional.of(new ExistingPublication(name, rs.getBoolean(1), rs.getBoolean(2),
            java.util.Set.of(tables)));
      }
    }
  }

  private List<SourceColumn> columns(String regclass) throws SQLException {
    return query(COLUMNS, regclass,
        rs -> new SourceColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
  }

  private List<String> primaryKey(String regclass) throws SQLException {
    return query(PRIMARY_KEY, regclass, rs -> rs.getString(1));
  }

  /** Runs a catalog query about one table and maps every row. */
  private <T> List<T> query(String sql, String regclass, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, regclass);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
