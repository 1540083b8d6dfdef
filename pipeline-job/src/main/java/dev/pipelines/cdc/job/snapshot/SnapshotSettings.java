package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.PublicationMode;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the snapshot source needs to know, decided before the job starts.
 *
 * @param server the source Postgres
 * @param database its database
 * @param slotName the pipeline's replication slot (created by the snapshot enumerator at a fresh start)
 * @param publicationName the pipeline's publication, which must cover the tables before the slot exists
 * @param publicationMode whether the job may create or extend the publication
 * @param tables the captured tables
 * @param rowsPerSplit about how many rows one split reads
 */
public record SnapshotSettings(HostPort server, String database, Credentials credentials, String slotName,
    String publicationName, PublicationMode publicationMode, List<SourceTable> tables, int rowsPerSplit)
    implements Serializable {
  public SnapshotSettings {
    tables = List.copyOf(tables);
    if (rowsPerSplit < 1) {
      throw new IllegalArgumentException("rowsPerSplit must be positive: " + rowsPerSplit);
    }
  }

  public Map<String, SourceTable> tablesByName() {
    return tables.stream().collect(Collectors.toMap(SourceTable::qualifiedName, Function.identity()));
  }

  @Override
  public String toString() {
    // Credentials print without passwords; the tables would make the line unreadable.
    return "SnapshotSettings[" + server + "/" + database + ", slot " + slotName + ", " + tables.size() + " tables]";
  }
}
