package dev.pipelines.cdc.job.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * A captured Postgres table.
 *
 * @param schema schema name
 * @param name table name
 * @param columns columns in table order
 * @param primaryKey primary-key column names in key order (empty: the table has none)
 * @param replicaIdentityFull REPLICA IDENTITY FULL (updates carry every column)
 */
public record SourceTable(String schema, String name, List<SourceColumn> columns, List<String> primaryKey,
    boolean replicaIdentityFull) implements Serializable {

  public SourceTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** The column of that name. */
  public SourceColumn column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column " + columnName + " in " + qualifiedName()));
  }

  /** {@code schema.table}, the form Debezium and the config use. */
  public String qualifiedName() {
    return schema + "." + name;
  }
}
