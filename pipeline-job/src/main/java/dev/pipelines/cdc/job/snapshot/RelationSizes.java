package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.catalog.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * Measures the captured tables for {@link SplitPlanner}. A partitioned table is measured per leaf
 * partition (block ranges mean nothing across partitions); its rows are still emitted as the
 * parent's.
 */
public final class RelationSizes {
  // pg_partition_tree lists a partitioned table's tree (a plain table that is no partition has none).
  private static final String LEAVES = """
      SELECT n.nspname, c.relname, pg_relation_size(c.oid) / current_setting('block_size')::bigint, c.reltuples
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE (c.oid = ?::regclass AND c.relkind <> 'p')
         OR c.oid IN (SELECT relid FROM pg_partition_tree(?::regclass) WHERE isleaf)
      ORDER BY n.nspname, c.relname""";

  private RelationSizes() {}

  /**
   * As {@link #of(Connection, List)}; with {@code tidRangeScans}, a relation never analyzed (no
   * {@code reltuples}) is estimated from the rows of its first block (a one-block TID range scan), so
   * that a table loaded just before the pipeline starts is still split by rows.
   */
  public static List<RelationSize> of(Connection pg, List<SourceTable> tables, boolean tidRangeScans)
      throws SQLException {
    List<RelationSize> sizes = of(pg, tables);
    if (!tidRangeScans) {
      return sizes;
    }
    List<RelationSize> estimated = new ArrayList<>(sizes.size());
    for (RelationSize r : sizes) {
      if (r.estimatedRows() > 0 || r.blocks() == 0) {
        estimated.add(r);
        continue;
      }
      try (var st = pg.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM " + r.relation() + " WHERE ctid < '(1,0)'::tid")) {
        rs.next();
        estimated.add(new RelationSize(r.table(), r.relation(), r.blocks(), (double) rs.getLong(1) * r.blocks()));
      }
    }
    return estimated;
  }

  public static List<RelationSize> of(Connection pg, List<SourceTable> tables) throws SQLException {
    List<RelationSize> sizes = new ArrayList<>();
    try (PreparedStatement st = pg.prepareStatement(LEAVES)) {
      for (SourceTable table : tables) {
        st.setString(1, quote(table.schema(), table.name()));
        st.setString(2, quote(table.schema(), table.name()));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            sizes.add(new RelationSize(table.qualifiedName(), quote(rs.getString(1), rs.getString(2)), rs.getLong(3),
                rs.getDouble(4)));
          }
        }
      }
    }
    return sizes;
  }

  /** PostgreSQL 14 added TID range scans: only then does a block range read only its blocks. */
  public static boolean tidRangeScans(Connection pg) throws SQLException {
    try (var st = pg.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) >= 140000;
    }
  }

  /** {@code "schema"."name"}, quoted by pgjdbc. */
  static String quote(String schema, String name) throws SQLException {
    StringBuilder out = new StringBuilder();
    Utils.escapeIdentifier(out, schema);
    out.append('.');
    Utils.escapeIdentifier(out, name);
    return out.toString();
  }
}
