package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.job.catalog.PostgresCatalog;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.PublicationMode;
import java.sql.Connection;
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
    boolean columnLists = pg.getMetaData().getDatabaseMajorVersion() >= 15;
    List<String> quoted = new ArrayList<>();
    for (TableName t : missing) {
      quoted.add(RelationSizes.quote(t.schema(), t.name()) + (columnLists ? columnList(t.columnList()) : ""));
    }
    StringBuilder name = new StringBuilder();
    Utils.escapeIdentifier(name, publication);
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
    return tables.stream().map(t -> new TableName(t.schema(), t.name(), columnList(t))).toList();
  }

  /** Whether any table is published with a column list (which Debezium's own publication handling would drop). */
  public static boolean usesColumnLists(List<SourceTable> tables) {
    return tables.stream().anyMatch(t -> !columnList(t).isEmpty());
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
   * A captured table's schema and name, and the columns the publication publishes of it.
   *
   * @param columnList the publication's column list (PostgreSQL 15+); empty: every column
   */
  public record TableName(String schema, String name, List<String> columnList) implements java.io.Serializable {
    public TableName {
      columnList = List.copyOf(columnList);
    }

    public TableName(String schema, String name) {
      this(schema, name, List.of());
    }

    public String qualifiedName() {
      return schema + "." + name;
    }
  }
}
