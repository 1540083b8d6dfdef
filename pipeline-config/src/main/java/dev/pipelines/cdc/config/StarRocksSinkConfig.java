package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The StarRocks side of a pipeline.
 *
 * @param jdbcUrl the FE's MySQL-protocol JDBC URL, used for DDL and metadata
 * @param loadUrls the FE HTTP addresses ({@code host:port}) for Stream Load
 * @param database the target database
 * @param routes explicit source-table → target-table names; unrouted tables keep their name
 * @param createTables create missing target tables as primary-key tables
 * @param semantic delivery guarantee
 * @param flushIntervalMillis the longest time rows wait in the sink's buffer
 * @param streamLoadProperties passed to every Stream Load as headers
 */
public record StarRocksSinkConfig(
    String jdbcUrl,
    List<String> loadUrls,
    String database,
    List<TableRoute> routes,
    boolean createTables,
    DeliverySemantic semantic,
    long flushIntervalMillis,
    Map<String, String> streamLoadProperties) {

  public StarRocksSinkConfig {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(database, "database");
    requireNonNull(semantic, "semantic");
    loadUrls = List.copyOf(requireNonNull(loadUrls, "loadUrls"));
    routes = routes == null ? List.of() : List.copyOf(routes);
    // Sorted so that the serialized config (and so the ConfigMap) is byte-stable.
    streamLoadProperties =
        streamLoadProperties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(streamLoadProperties));
  }
}
