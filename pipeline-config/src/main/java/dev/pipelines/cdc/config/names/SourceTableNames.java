package dev.pipelines.cdc.config.names;

import java.util.List;

/**
 * The names of one source table, as the target-name rule needs them.
 *
 * @param qualifiedName {@code schema.table}, as routes name it
 * @param name the table's own name, the default StarRocks table name
 * @param columns the StarRocks names of its written columns in table order (after the transforms' renames);
 *     empty where they are not known
 */
public record SourceTableNames(String qualifiedName, String name, List<String> columns) {
  public SourceTableNames {
    columns = List.copyOf(columns);
  }
}
