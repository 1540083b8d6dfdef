package dev.pipelines.cdc.job.ddl;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Source table → the StarRocks table it is written to: the columns its transform writes, under their
 * StarRocks names. Pure. Which tables get here (keyed ones) and
 * their names are decided before, for every table at once, by the shared planning rules
 * ({@link dev.pipelines.cdc.config.plan.SourcePlanner}).
 */
public final class TargetTables {
  private TargetTables() {}

  /** The StarRocks type of a route's source-table column: {@code schema.table}, two identifiers of at most 63 bytes. */
  public static final String SOURCE_TABLE_COLUMN_TYPE = "VARCHAR(255)";

  public static TargetTable of(SourceTable source, String database, String name) {
    return of(source, database, name, "");
  }

  /**
   * @param sourceTableColumn a column holding each row's source table, the last key column (a route that
   *     merges tables); empty: none
   */
  public static TargetTable of(SourceTable source, String database, String name, String sourceTableColumn) {
    if (source.primaryKey().isEmpty()) {
      // The planning rules (SourcePlanner) refuse such a table, with the fix, before any is planned.
      throw new IllegalArgumentException(source.qualifiedName() + " has no primary key: the plan should have refused it");
    }
    List<TargetColumn> keyColumns = new ArrayList<>();
    List<TargetColumn> others = new ArrayList<>();
    for (String keyName : source.primaryKey()) {
      SourceColumn c = column(source, keyName);
      keyColumns.add(new TargetColumn(source.targetName(c.name()), StarRocksTypes.map(source, c), false));
    }
    for (SourceColumn c : source.columns()) {
      if (!source.primaryKey().contains(c.name())) {
        // Nullable whatever Postgres says: a delete carries only the key, and StarRocks must not filter it.
        others.add(new TargetColumn(source.targetName(c.name()), StarRocksTypes.map(source, c), true));
      }
    }
    List<String> key = new ArrayList<>(source.primaryKey().stream().map(source::targetName).toList());
    if (!sourceTableColumn.isEmpty()) {
      keyColumns.add(new TargetColumn(sourceTableColumn, SOURCE_TABLE_COLUMN_TYPE, false));
      key.add(sourceTableColumn);
    }
    List<TargetColumn> columns = new ArrayList<>(keyColumns);
    columns.addAll(others);
    return new TargetTable(database, name, columns, key);
  }

  private static SourceColumn column(SourceTable table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("key column " + name + " missing from " + table.qualifiedName()));
  }
}
