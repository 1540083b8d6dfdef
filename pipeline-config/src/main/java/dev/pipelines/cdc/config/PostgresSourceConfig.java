package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The Postgres side of a pipeline.
 *
 * @param host server host name
 * @param port server port
 * @param database database to capture from
 * @param tables schema-qualified table names or regular expressions over them
 * @param excludeTables schema-qualified names or regular expressions removed from {@code tables}
 * @param slotName the logical replication slot (owned by the pipeline)
 * @param publicationName the publication (owned by the pipeline)
 * @param startupMode whether to snapshot existing rows first
 * @param snapshotChunkSize rows per snapshot chunk (a whole chunk is held in memory)
 */
public record PostgresSourceConfig(
    String host,
    int port,
    String database,
    List<String> tables,
    List<String> excludeTables,
    String slotName,
    String publicationName,
    StartupMode startupMode,
    int snapshotChunkSize) {

  public PostgresSourceConfig {
    requireNonNull(host, "host");
    requireNonNull(database, "database");
    requireNonNull(slotName, "slotName");
    requireNonNull(publicationName, "publicationName");
    requireNonNull(startupMode, "startupMode");
    tables = List.copyOf(requireNonNull(tables, "tables"));
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
  }
}
