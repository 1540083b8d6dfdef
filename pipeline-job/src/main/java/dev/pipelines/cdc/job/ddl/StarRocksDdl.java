package dev.pipelines.cdc.job.ddl;

import static dev.pipelines.cdc.config.names.StarRocksNames.quote;

import dev.pipelines.cdc.config.names.StarRocksNames;
import java.util.stream.Collectors;

/**
 * The StarRocks DDL the pipeline sends. Pure text rendering; every identifier goes through
 * {@link StarRocksNames#quote}, and only names {@link StarRocksNames} accepts reach here.
 */
public final class StarRocksDdl {
  private StarRocksDdl() {}

  public static String createDatabase(String database) {
    return "CREATE DATABASE IF NOT EXISTS " + quote(database);
  }

  public static String createTable(TargetTable table) {
    String columns = table.columns().stream()
        .map(c -> "  " + quote(c.name()) + " " + c.type() + (c.nullable() ? " NULL" : " NOT NULL"))
        .collect(Collectors.joining(",\n"));
    String key = table.primaryKey().stream().map(StarRocksNames::quote).collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + quote(table.database()) + "." + quote(table.name()) + " (\n"
        + columns + "\n)\nPRIMARY KEY (" + key + ")\nDISTRIBUTED BY HASH (" + key + ")";
  }

  public static String addColumn(TargetTable table, TargetColumn column) {
    return "ALTER TABLE " + quote(table.database()) + "." + quote(table.name()) + " ADD COLUMN "
        + quote(column.name()) + " " + column.type() + (column.nullable() ? " NULL" : " NOT NULL");
  }

  public static String dropColumn(TargetTable table, String column) {
    return "ALTER TABLE " + quote(table.database()) + "." + quote(table.name()) + " DROP COLUMN " + quote(column);
  }
}
