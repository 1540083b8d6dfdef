package dev.pipelines.cdc.config.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The tables a transform selects, written into one StarRocks table.
 *
 * @param targetTable the StarRocks table
 * @param sourceTableColumn a StarRocks column the job fills with each row's source table ({@code schema.table})
 *     and adds to the key, so rows of different sources never meet on a key; empty: none (one source only)
 */
public record TableMerge(String targetTable, String sourceTableColumn) implements Serializable {
  public TableMerge {
    requireNonNull(targetTable, "targetTable");
    sourceTableColumn = sourceTableColumn == null ? "" : sourceTableColumn;
  }

  public boolean namesSource() {
    return !sourceTableColumn.isEmpty();
  }
}
