package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.plan.CatalogPublication;
import dev.pipelines.cdc.job.catalog.PostgresCatalog;
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
    List<String> quoted = new ArrayList<>();
    for (TableName t : missing) {
      quoted.add(RelationSizes.quote(t.schema(), t.name()));
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

  /** A captured table's schema and name. */
  public record TableName(String schema, String name) implements java.io.Serializable {
    public String qualifiedName() {
      return schema + "." + name;
    }
  }
}
