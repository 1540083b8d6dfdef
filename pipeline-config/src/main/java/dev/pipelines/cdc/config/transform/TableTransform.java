package dev.pipelines.cdc.config.transform;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What happens to the tables one transform selects on their way to StarRocks.
 *
 * @param tables schema-qualified names or regular expressions over them (as {@code spec.source.postgres.tables}),
 *     matched among the captured tables; a table may be selected by one transform only
 * @param columns which columns are written, and under which names
 * @param filter a row predicate in PostgreSQL's SQL over the table's columns; only rows it holds for are
 *     written (the snapshot's {@code WHERE} and the publication's row filter); empty: every row
 * @param route the StarRocks table the selected tables are written to, one for all of them; null: each
 *     keeps its own (or its {@code spec.sink.starrocks.routes} target)
 */
public record TableTransform(List<String> tables, ColumnTransform columns, String filter, TableMerge route) {
  public TableTransform {
    tables = List.copyOf(requireNonNull(tables, "tables"));
    columns = columns == null ? ColumnTransform.NONE : columns;
    filter = filter == null ? "" : filter;
  }

  /** A transform of columns only. */
  public TableTransform(List<String> tables, ColumnTransform columns) {
    this(tables, columns, "", null);
  }

  /** A transform of columns and rows. */
  public TableTransform(List<String> tables, ColumnTransform columns, String filter) {
    this(tables, columns, filter, null);
  }

  public boolean filters() {
    return !filter.isEmpty();
  }
}
