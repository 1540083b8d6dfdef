package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the deserializer must know of a captured table beyond what each record says.
 *
 * @param columns every written column the job was planned with; a change whose written columns differ
 *     means the table was altered
 * @param keyColumns primary-key columns, in key order
 * @param blankPaddedColumns {@code character(n)} columns, whose padding is stripped
 * @param limits what each column's StarRocks type holds, by column (a column not listed: no limit)
 * @param transform which of a change's columns are written, and under which names
 */
public record TableShape(Set<String> columns, List<String> keyColumns, Set<String> blankPaddedColumns,
    Map<String, ValueLimit> limits, ColumnTransform transform) implements Serializable {
  public TableShape {
    columns = Set.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
    blankPaddedColumns = Set.copyOf(blankPaddedColumns);
    limits = Map.copyOf(limits);
    transform = transform == null ? ColumnTransform.NONE : transform;
  }

  /** Every column written under its own name. */
  public TableShape(Set<String> columns, List<String> keyColumns, Set<String> blankPaddedColumns,
      Map<String, ValueLimit> limits) {
    this(columns, keyColumns, blankPaddedColumns, limits, ColumnTransform.NONE);
  }

  /** A shape whose values are not checked against StarRocks' limits. */
  public TableShape(Set<String> columns, List<String> keyColumns, Set<String> blankPaddedColumns) {
    this(columns, keyColumns, blankPaddedColumns, Map.of());
  }

  /**
   * The shape of a captured table with StarRocks' limits of its mapped types (as {@code PipelinePlan.shapes}
   * builds it; one place for both once merged).
   */
  public static TableShape of(dev.pipelines.cdc.job.catalog.SourceTable table) {
    return new TableShape(
        table.columns().stream().map(dev.pipelines.cdc.job.catalog.SourceColumn::name).collect(Collectors.toSet()),
        table.primaryKey(),
        table.columns().stream().filter(StarRocksTypes::isBlankPadded)
            .map(dev.pipelines.cdc.job.catalog.SourceColumn::name).collect(Collectors.toSet()),
        table.columns().stream().collect(Collectors.toMap(dev.pipelines.cdc.job.catalog.SourceColumn::name,
            c -> ValueLimit.of(StarRocksTypes.map(table, c)))),
        table.transform());
  }

  public ValueLimit limit(String column) {
    return limits.getOrDefault(column, ValueLimit.NONE);
  }
}
