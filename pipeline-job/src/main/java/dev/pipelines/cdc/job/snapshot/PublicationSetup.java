package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.job.catalog.PostgresCatalog;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.PublicationMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.core.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the publication cover every captured table before the slot is created. pgoutput filters
 * by publication as it decodes, so a table added to the publication only after the consistent
 * point could lose its changes made in between; the stream's own publication handling (Debezium's
 * {@code publication.autocreate.mode}) runs only when the stream starts, after the snapshot, which
 * is too late.
 */
public final class PublicationSetup {
  private static final Logger LOG = LoggerFactory.getLogger(PublicationSetup.class);

  private PublicationSetup() {}

  /**
   * @param mode {@link PublicationMode#DISABLED}: the publication already covers every table and is
   *     left alone; {@link PublicationMode#FILTERED}: create it for the tables, or add the missing ones
   * @param tables captured tables, {@code schema.table}
   */
  public static void ensure(Connection pg, String publication, PublicationMode mode, List<TableName> tables)
      throws SQLException {
    if (mode == PublicationMode.DISABLED) {
      return;
    }
    // Read again here, not taken from the plan: the catalog may have changed since the job planned.
    Optional<CatalogPublication> existing = new PostgresCatalog(pg).describe(publication).publication();
    List<TableName> missing = existing.isEmpty() ? tables
        : existing.get().allTables() ? List.of()
        : tables.stream().filter(t -> !existing.get().tables().contains(t.qualifiedName())).toList();
    if (missing.isEmpty()) {
      return;
    }
    boolean lists = pg.getMetaData().getDatabaseMajorVersion() >= 15;
    List<String> quoted = new ArrayList<>();
    for (TableName t : missing) {
      quoted.add(entry(t, lists));
    }
    String name = identifier(publication);
    // Partitioned tables publish their changes as the parent table, as the snapshot emits them.
    String sql = existing.isEmpty()
        ? "CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", quoted)
            + " WITH (publish_via_partition_root = true)"
        : "ALTER PUBLICATION " + name + " ADD TABLE " + String.join(", ", quoted);
    try (Statement st = pg.createStatement()) {
      st.execute(sql);
    }
    LOG.info("publication {}: {}", publication, sql);
  }

  /**
   * Sets, in a publication the job may change, each captured table's entry to what its transform says:
   * its column list and row filter (PostgreSQL 15+), or the whole table where the entry has one it should
   * not. Each table is dropped from the publication and added again in one transaction, which is kept only
   * if PostgreSQL's rendering of the entry changed (a row filter cannot be compared as text), so a start
   * with the same transforms changes nothing. A change made this way applies to the changes committed
   * after it; rows already in StarRocks are not read again.
   */
  public static void keepEntries(Connection pg, String publication, List<TableName> tables) throws SQLException {
    if (pg.getMetaData().getDatabaseMajorVersion() < 15) {
      return;
    }
    boolean autoCommit = pg.getAutoCommit();
    pg.setAutoCommit(false);
    try {
      for (TableName t : tables) {
        Optional<Entry> before = entry(pg, publication, t);
        if (before.isEmpty() || (t.columnList().isEmpty() && t.rowFilter().isEmpty() && before.get().rowFilter() == null
            && before.get().wholeTable())) {
          pg.rollback();
          continue; // not in it (ensure adds it), or whole as it should be
        }
        try (Statement st = pg.createStatement()) {
          st.execute("ALTER PUBLICATION " + identifier(publication) + " DROP TABLE "
              + RelationSizes.quote(t.schema(), t.name()));
          st.execute("ALTER PUBLICATION " + identifier(publication) + " ADD TABLE " + entry(t, true));
        }
        Optional<Entry> after = entry(pg, publication, t);
        if (after.equals(before)) {
          pg.rollback();
        } else {
          pg.commit();
          LOG.info("publication {}: {} now publishes {} (was {})", publication, t.qualifiedName(), after.orElseThrow(),
              before.get());
        }
      }
    } catch (SQLException e) {
      pg.rollback();
      throw e;
    } finally {
      pg.setAutoCommit(autoCommit);
    }
  }

  /** A table's entry as PostgreSQL renders it: its published columns, its row filter (null: none), and whether it is whole. */
  private record Entry(List<String> columns, String rowFilter, boolean wholeTable) {}

  private static Optional<Entry> entry(Connection pg, String publication, TableName t) throws SQLException {
    try (PreparedStatement st = pg.prepareStatement("""
        SELECT p.attnames::text[], p.rowfilter, cardinality(p.attnames) = (SELECT count(*) FROM pg_attribute a
               WHERE a.attrelid = format('%I.%I', p.schemaname, p.tablename)::regclass AND a.attnum > 0
               AND NOT a.attisdropped)
        FROM pg_publication_tables p WHERE p.pubname = ? AND p.schemaname = ? AND p.tablename = ?""")) {
      st.setString(1, publication);
      st.setString(2, t.schema());
      st.setString(3, t.name());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Entry(List.of((String[]) rs.getArray(1).getArray()), rs.getString(2), rs.getBoolean(3)));
      }
    }
  }

  /**
   * A table as the publication lists it: quoted, with its column list and row filter where PostgreSQL
   * takes them (15+). The filter passed the planning rules (RowFilters: one parenthesized expression) and
   * PostgreSQL's own check before the job started; PostgreSQL checks it here again, as a row filter.
   */
  private static String entry(TableName t, boolean listsAndFilters) throws SQLException {
    String table = RelationSizes.quote(t.schema(), t.name());
    if (!listsAndFilters) {
      return table;
    }
    return table + columnList(t.columnList()) + (t.rowFilter().isEmpty() ? "" : " WHERE (" + t.rowFilter() + ")");
  }

  private static String identifier(String name) throws SQLException {
    StringBuilder quoted = new StringBuilder();
    Utils.escapeIdentifier(quoted, name);
    return quoted.toString();
  }

  /**
   * The publication's column list of a table: the columns it writes, where a transform leaves some out
   * and the table's replica identity is not FULL (PostgreSQL refuses UPDATE and DELETE on a table whose
   * column list does not cover its replica identity; with FULL that is every column). Empty: the whole
   * table (the stream's deserializer drops what the transform leaves out).
   */
  public static List<String> columnList(SourceTable table) {
    boolean leavesOut = !table.transform().include().isEmpty() || !table.transform().exclude().isEmpty();
    return leavesOut && !table.replicaIdentityFull()
        ? table.columns().stream().map(SourceColumn::name).toList() : List.of();
  }

  /** The captured tables as the publication names them. */
  public static List<TableName> names(List<SourceTable> tables) {
    return tables.stream().map(t -> new TableName(t.schema(), t.name(), columnList(t), t.rowFilter())).toList();
  }

  /**
   * Whether any table is published with a column list or a row filter, which Debezium's own publication
   * handling would drop (its filtered mode sets the tables again without them when the stream starts).
   */
  public static boolean usesColumnLists(List<SourceTable> tables) {
    return tables.stream().anyMatch(t -> !columnList(t).isEmpty() || !t.rowFilter().isEmpty());
  }

  private static String columnList(List<String> columns) throws SQLException {
    if (columns.isEmpty()) {
      return "";
    }
    List<String> quoted = new ArrayList<>();
    for (String c : columns) {
      StringBuilder q = new StringBuilder();
      Utils.escapeIdentifier(q, c);
      quoted.add(q.toString());
    }
    return " (" + String.join(", ", quoted) + ")";
  }

  /**
   * A captured table's schema and name, and what the publication publishes of it.
   *
   * @param columnList the publication's column list (PostgreSQL 15+); empty: every column
   * @param rowFilter the publication's row filter (PostgreSQL 15+); empty: every row
   */
  public record TableName(String schema, String name, List<String> columnList, String rowFilter)
      implements java.io.Serializable {
    public TableName {
      columnList = List.copyOf(columnList);
      rowFilter = rowFilter == null ? "" : rowFilter;
    }

    public TableName(String schema, String name) {
      this(schema, name, List.of(), "");
    }

    public String qualifiedName() {
      return schema + "." + name;
    }
  }
}
