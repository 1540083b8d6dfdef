package dev.pipelines.cdc.testsupport.compare;

import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import java.util.List;

/**
 * A Postgres table, its StarRocks copy, the columns to compare and how many of them (the first ones)
 * form the key.
 */
public record ComparedTable(String source, String target, List<Column> columns, int keyColumns) {
  public ComparedTable {
    columns = List.copyOf(columns);
  }
}
