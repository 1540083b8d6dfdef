package dev.pipelines.cdc.config.plan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL's own estimate of each table's rows ({@code pg_class.reltuples}, kept by VACUUM,
 * ANALYZE and CREATE INDEX): what a snapshot's progress is measured against. Free to read (no table
 * is scanned), approximate (it trails the table until autovacuum next analyzes it).
 *
 * <p>{@value #UNKNOWN} means never analyzed (PostgreSQL 14+ reports {@code reltuples = -1} then;
 * before 14 such a table reads 0). A partitioned table's estimate is the sum over its leaf
 * partitions (the parent itself holds no rows).
 *
 * @param byTable the estimate by {@code schema.table}, for ordinary tables and partitioned parents
 */
public record RowEstimates(Map<String, Long> byTable) {
  public static final long UNKNOWN = -1;

  /**
   * Each capturable table (the tables {@link CatalogQuery#TABLES} lists) with one row per relation
   * holding its rows: the table itself, or each leaf partition of a partitioned table.
   */
  public static final String QUERY = """
      SELECT n.nspname || '.' || c.relname, leaf.reltuples
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN LATERAL (
        SELECT c.reltuples WHERE c.relkind = 'r'
        UNION ALL
        SELECT l.reltuples FROM pg_partition_tree(c.oid) t JOIN pg_class l ON l.oid = t.relid
        WHERE c.relkind = 'p' AND t.isleaf
      ) leaf ON true
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND NOT c.relispartition""";

  public RowEstimates {
    byTable = Map.copyOf(byTable);
  }

  /** Runs {@link #QUERY} on the caller's connection. */
  public static RowEstimates read(Connection connection) throws SQLException {
    Map<String, Long> sums = new HashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
      while (rs.next()) {
        add(sums, rs.getString(1), rs.getDouble(2));
      }
    }
    return new RowEstimates(sums);
  }

  /** Adds one relation's {@code reltuples} to its table's sum; one never analyzed makes the table unknown. */
  static void add(Map<String, Long> sums, String table, double reltuples) {
    long rows = reltuples < 0 ? UNKNOWN : Math.round(reltuples);
    sums.merge(table, rows, (a, b) -> a == UNKNOWN || b == UNKNOWN ? UNKNOWN : a + b);
  }

  /**
   * The rows of these tables, or {@value #UNKNOWN} when one of them was never analyzed or is not
   * known: a total that leaves a table out would make the snapshot look further along than it is.
   */
  public long total(Collection<String> tables) {
    long sum = 0;
    for (String table : tables) {
      Long rows = byTable.get(table);
      if (rows == null || rows == UNKNOWN) {
        return UNKNOWN;
      }
      sum += rows;
    }
    return sum;
  }
}
