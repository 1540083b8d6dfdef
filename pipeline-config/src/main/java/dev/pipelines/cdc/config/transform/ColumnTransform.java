package dev.pipelines.cdc.config.transform;

import java.io.Serializable;
import java.util.List;

/**
 * Which columns of a table are written, and under which StarRocks names. Pure; the job's snapshot
 * (its select list), its stream (the deserializer) and its DDL all ask this one object.
 *
 * @param include the only columns written (key columns must be among them); empty: every column not excluded
 * @param exclude columns never written; with {@code include} empty, a column added later is written
 * @param rename source column → StarRocks column names; a column not listed keeps its name
 */
public record ColumnTransform(List<String> include, List<String> exclude, List<ColumnRename> rename)
    implements Serializable {

  /** Every column, under its own name. */
  public static final ColumnTransform NONE = new ColumnTransform(List.of(), List.of(), List.of());

  public ColumnTransform {
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    rename = rename == null ? List.of() : List.copyOf(rename);
  }

  /**
   * Whether the column is written. Decided by name, not by the columns the job was planned with, so a
   * column added to the source later is written under an exclude list and ignored under an include list.
   */
  public boolean keeps(String column) {
    return include.isEmpty() ? !exclude.contains(column) : include.contains(column);
  }

  /** The column's StarRocks name. */
  public String targetName(String column) {
    for (ColumnRename r : rename) {
      if (r.from().equals(column)) {
        return r.to();
      }
    }
    return column;
  }
}
