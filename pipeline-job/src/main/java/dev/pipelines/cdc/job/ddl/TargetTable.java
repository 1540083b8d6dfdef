package dev.pipelines.cdc.job.ddl;

import java.util.List;

/**
 * A StarRocks primary-key table a source table is written to.
 *
 * @param database target database
 * @param name target table
 * @param columns key columns first (StarRocks requires it), then the rest in source order
 * @param primaryKey key column names, in key order
 */
public record TargetTable(String database, String name, List<TargetColumn> columns, List<String> primaryKey) {
  public TargetTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  public String qualifiedName() {
    return database + "." + name;
  }
}
