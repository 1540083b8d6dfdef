package dev.pipelines.cdc.job.source;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the deserializer must know of a captured table beyond what each record says.
 *
 * @param columns every column the job was planned with; a change with other columns means the
 *     table was altered
 * @param keyColumns primary-key columns, in key order
 * @param blankPaddedColumns {@code character(n)} columns, whose padding is stripped
 */
public record TableShape(Set<String> columns, List<String> keyColumns, Set<String> blankPaddedColumns)
    implements Serializable {
  public TableShape {
    columns = Set.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
    blankPaddedColumns = Set.copyOf(blankPaddedColumns);
  }
}
