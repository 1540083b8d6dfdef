package dev.pipelines.cdc.job.toast;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that reads the current values of some columns of one row, rendered so that each value
 * reads back exactly as the CDC source renders it (see the deserializer's value conversion).
 */
final class UnchangedValueQuery {
  private UnchangedValueQuery() {}

  static String sql(SourceTable table, List<String> columns) {
    String select = columns.stream().map(c -> expression(table.column(c))).collect(Collectors.joining(", "));
    String where = table.primaryKey().stream()
        .map(k -> quote(k) + " = CAST(? AS " + table.column(k).type() + ")")
        .collect(Collectors.joining(" AND "));
    return "SELECT " + select + " FROM " + quote(table.schema()) + "." + quote(table.name()) + " WHERE " + where;
  }

  /** Whether the value comes back as JSON text to parse (json, jsonb, arrays) rather than a string. */
  static boolean isJson(SourceColumn column) {
    return column.type().endsWith("[]") || column.type().equals("json") || column.type().equals("jsonb");
  }

  private static String expression(SourceColumn column) {
    String c = quote(column.name());
    String type = column.type();
    if (type.endsWith("[]")) {
      return "to_json(" + c + ")::text";
    }
    if (type.equals("bytea")) {
      return "encode(" + c + ", 'hex')";
    }
    if (type.equals("money")) {
      return c + "::numeric::text";
    }
    if (type.startsWith("character(")) {
      return "rtrim(" + c + ")";
    }
    return c + "::text";
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
