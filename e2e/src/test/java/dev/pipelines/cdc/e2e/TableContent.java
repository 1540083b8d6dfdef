package dev.pipelines.cdc.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row and column of one table, in canonical text form ({@link Canonical}), by primary key.
 *
 * @param columns column names, lower case, in table order
 * @param rows row by key (the key columns' values in key order); each row maps column to value
 */
record TableContent(String table, List<String> columns, Map<List<String>, Map<String, String>> rows) {
  TableContent {
    columns = List.copyOf(columns);
    rows = new LinkedHashMap<>(rows);
  }

  /** {@code SELECT *} of {@code table} (schema-qualified as the server wants it), ordered by key. */
  static TableContent read(Connection connection, String table, List<String> keyColumns) throws SQLException {
    Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + String.join(", ", keyColumns))) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      while (rs.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.put(columns.get(i - 1), Canonical.of(value(rs, meta, i)));
        }
        rows.put(keyColumns.stream().map(k -> row.get(k.toLowerCase(Locale.ROOT))).toList(), row);
      }
    }
    return new TableContent(table, columns, rows);
  }

  /** pgjdbc returns timestamptz as a java.sql.Timestamp in the JVM's zone; ask for the instant instead. */
  private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
    if ("timestamptz".equalsIgnoreCase(meta.getColumnTypeName(i))) {
      return rs.getObject(i, OffsetDateTime.class);
    }
    return rs.getObject(i);
  }
}
