package dev.pipelines.cdc.job.ddl;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Source table → the StarRocks table it is written to. Pure. The table's name is decided before,
 * for every table at once, by {@link dev.pipelines.cdc.config.names.TargetNames}.
 */
public final class TargetTables {
  private TargetTables() {}

  public static TargetTable of(SourceTable source, String database, String name) {
    if (source.primaryKey().isEmpty()) {
      throw new UnsupportedSchemaException("table " + source.qualifiedName() + " has no primary key: changes could"
          + " not be applied by key in StarRocks. Add a primary key or exclude the table (excludeTables)");
    }
    List<TargetColumn> keyColumns = new ArrayList<>();
    List<TargetColumn> others = new ArrayList<>();
    for (String keyName : source.primaryKey()) {
      SourceColumn c = column(source, keyName);
      keyColumns.add(new TargetColumn(c.name(), StarRocksTypes.map(source, c), false));
    }
    for (SourceColumn c : source.columns()) {
      if (!source.primaryKey().contains(c.name())) {
        // Nullable whatever Postgres says: a delete carries only the key, and StarRocks must not filter it.
        others.add(new TargetColumn(c.name(), StarRocksTypes.map(source, c), true));
      }
    }
    List<TargetColumn> columns = new ArrayList<>(keyColumns);
    columns.addAll(others);
    return new TargetTable(database, name, columns, source.primaryKey());
  }

  private static SourceColumn column(SourceTable table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("key column " + name + " missing from " + table.qualifiedName()));
  }
}
