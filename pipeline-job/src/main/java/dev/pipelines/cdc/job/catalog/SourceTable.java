package dev.pipelines.cdc.job.catalog;

import dev.pipelines.cdc.config.transform.ColumnTransform;
import java.io.Serializable;
import java.util.List;

/**
 * A captured Postgres table.
 *
 * @param schema schema name
 * @param name table name
 * @param columns the columns the pipeline writes, in table order (every column, unless a transform
 *     leaves some out)
 * @param primaryKey primary-key column names in key order (empty: the table has none)
 * @param replicaIdentityFull REPLICA IDENTITY FULL (updates carry every column)
 * @param transform the table's column transform: which columns are written (by name, also for columns
 *     added later) and their StarRocks names
 * @param rowFilter the transform's row filter, PostgreSQL SQL over the table's columns (checked by the
 *     planning rules and by PostgreSQL); empty: every row
 */
public record SourceTable(String schema, String name, List<SourceColumn> columns, List<String> primaryKey,
    boolean replicaIdentityFull, ColumnTransform transform, String rowFilter) implements Serializable {

  public SourceTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    transform = transform == null ? ColumnTransform.NONE : transform;
    rowFilter = rowFilter == null ? "" : rowFilter;
  }

  /** A table without a transform: every column, under its own name. */
  public SourceTable(String schema, String name, List<SourceColumn> columns, List<String> primaryKey,
      boolean replicaIdentityFull) {
    this(schema, name, columns, primaryKey, replicaIdentityFull, ColumnTransform.NONE, "");
  }

  /** This table with only the columns {@code transform} writes, and its names. */
  public SourceTable transformed(ColumnTransform transform) {
    return transformed(transform, "");
  }

  /** This table with only the columns {@code transform} writes, their names, and only the rows {@code rowFilter} holds for. */
  public SourceTable transformed(ColumnTransform transform, String rowFilter) {
    return new SourceTable(schema, name, columns.stream().filter(c -> transform.keeps(c.name())).toList(), primaryKey,
        replicaIdentityFull, transform, rowFilter);
  }

  /** The StarRocks name of a source column. */
  public String targetName(String columnName) {
    return transform.targetName(columnName);
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
