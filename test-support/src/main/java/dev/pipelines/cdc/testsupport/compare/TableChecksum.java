package dev.pipelines.cdc.testsupport.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares a Postgres table with its StarRocks copy over every row and column, each value
 * normalized by what it is (so 1.50 equals 1.5, and a UTC timestamptz equals the DATETIME), and
 * counts rows lost, extra and different. One copy for every module that checks a sink against its
 * source (pipeline-job's ITs, flink-cluster-tests).
 */
public final class TableChecksum {
  public enum Kind { NUMBER, TEXT, PADDED, BOOL, UTC_DATETIME, DATE, JSON }

  /**
   * @param name the PostgreSQL column
   * @param target the StarRocks column (another name where a transform renames it)
   */
  public record Column(String name, Kind kind, String target) {
    public Column(String name, Kind kind) {
      this(name, kind, name);
    }
  }

  public record Result(int sourceRows, int targetRows, int lost, int extra, int different, List<String> examples) {
    public boolean equal() {
      return lost == 0 && extra == 0 && different == 0 && sourceRows == targetRows;
    }

    @Override
    public String toString() {
      return "source " + sourceRows + " rows, target " + targetRows + ": " + lost + " lost, " + extra + " extra, "
          + different + " different " + examples;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
      .toFormatter();

  private TableChecksum() {}

  public static Result compare(Connection pg, String pgTable, Connection sr, String srTable, List<Column> columns,
      int keyColumns) throws SQLException {
    String pgSelect = columns.stream().map(TableChecksum::pgExpression).collect(Collectors.joining(", "));
    String srSelect = columns.stream().map(c -> "`" + c.target() + "`").collect(Collectors.joining(", "));
    Map<List<Object>, List<Object>> source = read(pg, "SELECT " + pgSelect + " FROM " + pgTable, columns, keyColumns);
    Map<List<Object>, List<Object>> target = read(sr, "SELECT " + srSelect + " FROM " + srTable, columns, keyColumns);
    int lost = 0;
    int different = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Object>> e : source.entrySet()) {
      List<Object> copy = target.get(e.getKey());
      if (copy == null) {
        lost++;
        if (examples.size() < 3) {
          examples.add("lost " + e.getKey());
        }
      } else if (!copy.equals(e.getValue())) {
        different++;
        if (examples.size() < 3) {
          examples.add("source " + e.getValue() + " != target " + copy);
        }
      }
    }
    List<List<Object>> extraKeys = target.keySet().stream().filter(k -> !source.containsKey(k)).toList();
    int extra = extraKeys.size();
    extraKeys.stream().limit(5).forEach(k -> examples.add("extra " + k));
    return new Result(source.size(), target.size(), lost, extra, different, examples);
  }

  private static String pgExpression(Column c) {
    String q = "\"" + c.name().replace("\"", "\"\"") + "\"";
    return switch (c.kind()) {
      case UTC_DATETIME -> "to_char(" + q + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
      case PADDED -> "rtrim(" + q + ")";
      case JSON -> "to_json(" + q + ")::text";
      default -> q + "::text";
    };
  }

  private static Map<List<Object>, List<Object>> read(Connection connection, String sql, List<Column> columns,
      int keyColumns) throws SQLException {
    Map<List<Object>, List<Object>> rows = new LinkedHashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          row.add(normalize(columns.get(i).kind(), rs.getString(i + 1)));
        }
        rows.put(List.copyOf(row.subList(0, keyColumns)), row);
      }
    }
    return rows;
  }

  public static Object normalize(Kind kind, String value) {
    if (value == null) {
      return "<null>";
    }
    try {
      return switch (kind) {
        case NUMBER -> new BigDecimal(value).stripTrailingZeros().toPlainString();
        case TEXT, DATE -> value;
        case PADDED -> value.stripTrailing();
        case BOOL -> value.equals("t") || value.equalsIgnoreCase("true") || value.equals("1");
        case UTC_DATETIME -> LocalDateTime.parse(value, DATETIME);
        case JSON -> JSON.readTree(value);
      };
    } catch (Exception e) {
      return "unparsable " + kind + ": " + value;
    }
  }
}
