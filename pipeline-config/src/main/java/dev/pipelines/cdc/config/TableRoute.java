package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

/**
 * Sends one source table to a differently named target table.
 *
 * @param sourceTable schema-qualified Postgres table, e.g. {@code public.orders}
 * @param targetTable StarRocks table name in the sink database
 */
public record TableRoute(String sourceTable, String targetTable) {

  public TableRoute {
    requireNonNull(sourceTable, "sourceTable");
    requireNonNull(targetTable, "targetTable");
  }
}
