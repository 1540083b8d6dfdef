package dev.pipelines.cdc.config.plan;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog queries that build a {@link SourceCatalog}, run by the operator's preflight and by the
 * job on their own connections (each keeps its timeouts and its error handling). One text each, so
 * both sides see the same tables, keys, privileges and ownership. Only {@code java.sql}: no driver
 * here, the caller's connection runs them. Every statement only reads the catalog.
 */
public final class CatalogQuery {
  /** The connecting user and database. */
  public static final String USER = """
      SELECT current_user, r.rolsuper, has_database_privilege(current_database(), 'CREATE'), current_database(),
             current_setting('server_version_num')::int
      FROM pg_roles r WHERE r.rolname = current_user""";

  /**
   * Every table the pipeline could capture: ordinary tables and partitioned parents outside the system
   * schemas; partitions are read through their parent, so they are left out. Ownership is PostgreSQL's
   * own test (the privileges of the owner's role, {@code pg_has_role(..., 'USAGE')}), which is what
   * ALTER PUBLICATION checks. A column is TOAST-able when its storage is not {@code plain}. The replica
   * identity's columns: the key (default), an index's (USING INDEX), every column (FULL), none (NOTHING).
   */
  public static final String TABLES = """
      SELECT n.nspname, c.relname, c.relkind::text,
             COALESCE((SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                       WHERE i.indrelid = c.oid AND i.indisprimary), '{}'),
             c.relreplident = 'f',
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                     AND NOT a.attisdropped AND a.attstorage <> 'p'),
             has_table_privilege(c.oid, 'SELECT'),
             pg_has_role(c.relowner, 'USAGE'),
             COALESCE(CASE c.relreplident
               WHEN 'd' THEN (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                              FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                              WHERE i.indrelid = c.oid AND i.indisprimary)
               WHEN 'i' THEN (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                              FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                              WHERE i.indrelid = c.oid AND i.indisreplident)
               WHEN 'f' THEN (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
             END, '{}')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND NOT c.relispartition
      ORDER BY 1, 2""";

  /**
   * The pipeline's publication, with the same ownership test as the tables, what it publishes and
   * whether partitions publish as their root ({@code pubviaroot}, PostgreSQL 13+).
   */
  public static final String PUBLICATION = """
      SELECT pg_has_role(p.pubowner, 'USAGE'), p.puballtables,
             COALESCE(array_agg(t.schemaname || '.' || t.tablename) FILTER (WHERE t.tablename IS NOT NULL), '{}'),
             p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot
      FROM pg_publication p LEFT JOIN pg_publication_tables t ON t.pubname = p.pubname
      WHERE p.pubname = ?
      GROUP BY p.pubowner, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot""";

  /**
   * The columns each table of the publication publishes (PostgreSQL 15+: its column list, or every
   * column without one).
   */
  public static final String PUBLISHED_COLUMNS = """
      SELECT t.schemaname || '.' || t.tablename, t.attnames::text[] FROM pg_publication_tables t WHERE t.pubname = ?""";

  /**
   * The columns of some tables (a {@code regclass[]} of quoted names), in table order. Domains are
   * reported as their base type, so a domain over numeric(10,2) maps like numeric(10,2).
   */
  public static final String COLUMNS = """
      SELECT n.nspname || '.' || c.relname, a.attname,
             CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod)
                  ELSE format_type(a.atttypid, a.atttypmod) END AS type,
             t.typtype = 'e' AS is_enum,
             NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attrelid = ANY(?::regclass[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum""";

  private CatalogQuery() {}

  /**
   * The columns of {@code tables}, by {@code schema.table}, each in table order; a table without
   * columns (or dropped meanwhile, which fails the query: PostgreSQL's own error) maps to an empty list.
   */
  public static Map<String, List<CatalogColumn>> columns(Connection connection, List<CatalogTable> tables)
      throws SQLException {
    Map<String, List<CatalogColumn>> columns = new LinkedHashMap<>();
    tables.forEach(t -> columns.put(t.qualifiedName(), new ArrayList<>()));
    if (tables.isEmpty()) {
      return columns;
    }
    // Names travel as a bound text[] cast to regclass[]: PostgreSQL parses the quoted identifiers.
    String[] regclasses = tables.stream().map(t -> quote(t.schema()) + "." + quote(t.name())).toArray(String[]::new);
    try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
      st.setArray(1, connection.createArrayOf("text", regclasses));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new CatalogColumn(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
        }
      }
    }
    columns.replaceAll((k, v) -> List.copyOf(v));
    return columns;
  }

  /**
   * PostgreSQL's own verdict on a row filter over {@code table}: its parser and planner read
   * {@code EXPLAIN SELECT 1 FROM table WHERE (filter)}, which runs nothing, in a read-only transaction
   * that is rolled back. Only for a filter {@link RowFilters#problem} accepts (one parenthesized
   * expression, nothing that could end the statement). Empty: PostgreSQL takes it.
   */
  public static Optional<String> filterProblem(Connection connection, CatalogTable table, String filter)
      throws SQLException {
    if (RowFilters.problem(filter).isPresent()) {
      throw new IllegalArgumentException("a filter RowFilters refuses never reaches SQL");
    }
    boolean autoCommit = connection.getAutoCommit();
    boolean readOnly = connection.isReadOnly();
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    try (Statement st = connection.createStatement()) {
      st.execute("EXPLAIN SELECT 1 FROM " + quote(table.schema()) + "." + quote(table.name()) + " WHERE (" + filter + ")");
      return Optional.empty();
    } catch (SQLException e) {
      // 42xxx (syntax, undefined column or function, datatype mismatch) and 22xxx (a constant PostgreSQL
      // cannot read): the filter's fault, in PostgreSQL's words. Anything else is the connection's.
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("42") || state.startsWith("22")) {
        // The position is in the statement built here, not in the filter the user wrote: left out.
        return Optional.of(e.getMessage().replaceAll("(?m)^\\s*Position: \\d+\\s*$", "").trim());
      }
      throw e;
    } finally {
      connection.rollback();
      connection.setReadOnly(readOnly);
      connection.setAutoCommit(autoCommit);
    }
  }

  /** A PostgreSQL identifier in double quotes, embedded quotes doubled. */
  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Runs the three queries on {@code connection}. */
  public static SourceCatalog read(Connection connection, String publicationName) throws SQLException {
    String user;
    boolean superuser;
    boolean mayCreate;
    String database;
    int version;
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(USER)) {
      if (!rs.next()) {
        throw new SQLException("current_user is not in pg_roles", "42704");
      }
      user = rs.getString(1);
      superuser = rs.getBoolean(2);
      mayCreate = rs.getBoolean(3);
      database = rs.getString(4);
      version = rs.getInt(5);
    }
    return new SourceCatalog(database, tables(connection), publication(connection, publicationName),
        new CatalogUser(user, superuser, mayCreate), version);
  }

  private static List<CatalogTable> tables(Connection connection) throws SQLException {
    List<CatalogTable> tables = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
      while (rs.next()) {
        tables.add(new CatalogTable(rs.getString(1), rs.getString(2), TableKind.ofRelkind(rs.getString(3)),
            List.of(strings(rs.getArray(4))), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8),
            List.of(strings(rs.getArray(9)))));
      }
    }
    return tables;
  }

  private static Optional<CatalogPublication> publication(Connection connection, String name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(PUBLICATION)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Set<PublishedChange> publishes = EnumSet.noneOf(PublishedChange.class);
        for (PublishedChange change : PublishedChange.values()) {
          if (rs.getBoolean(4 + change.ordinal())) {
            publishes.add(change);
          }
        }
        CatalogPublication found = new CatalogPublication(rs.getBoolean(1), rs.getBoolean(2),
            Set.of(strings(rs.getArray(3))), publishes, rs.getBoolean(8), publishedColumns(connection, name));
        return Optional.of(found);
      }
    }
  }

  private static Map<String, List<String>> publishedColumns(Connection connection, String name) throws SQLException {
    if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
      return Map.of();
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(PUBLISHED_COLUMNS)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), List.of(strings(rs.getArray(2))));
        }
      }
    }
    return columns;
  }

  private static String[] strings(Array array) throws SQLException {
    return (String[]) array.getArray();
  }
}
