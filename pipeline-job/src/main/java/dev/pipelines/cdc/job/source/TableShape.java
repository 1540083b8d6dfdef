package dev.pipelines.cdc.job.source;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the deserializer must know of a captured table beyond what each record says.
 *
 * @param keyColumns primary-key columns, in key order
 * @param blankPaddedColumns {@code character(n)} columns, whose padding is stripped
 */
public record TableShape(List<String> keyColumns, Set<String> blankPaddedColumns) implements Serializable {
  public TableShape {
    keyColumns = List.copyOf(keyColumns);
    blankPaddedColumns = Set.copyOf(blankPaddedColumns);
  }
}
