package dev.pipelines.cdc.job.ddl;

import dev.pipelines.cdc.config.names.StarRocksNames;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the StarRocks side ready before any row is written: creates the database and missing
 * tables, brings managed tables in line with the source, and checks that existing tables can take
 * the rows.
 *
 * <p>All or nothing: every target table is read first and the whole plan is checked (names, tables
 * that must exist, existing tables' types and keys); only when nothing is wrong anywhere is any
 * DDL sent. A plan whose third table is bad therefore leaves StarRocks as it was, instead of
 * creating two tables and stopping (StarRocks has no transactional DDL to roll back with).
 */
public final class StarRocksSchemaSync {
  private static final Logger LOG = LoggerFactory.getLogger(StarRocksSchemaSync.class);
  private static final String COLUMNS = "select COLUMN_NAME, DATA_TYPE, COLUMN_KEY from information_schema.COLUMNS"
      + " where TABLE_SCHEMA = ? and TABLE_NAME = ? order by ORDINAL_POSITION";

  private final Connection connection;

  public StarRocksSchemaSync(Connection connection) {
    this.connection = connection;
  }

  public void apply(List<TargetTable> tables, boolean createTables) throws SQLException {
    List<String> problems = new ArrayList<>(nameProblems(tables));
    List<String> statements = new ArrayList<>();
    if (createTables) {
      tables.stream().map(TargetTable::database).distinct().forEach(db -> statements.add(StarRocksDdl.createDatabase(db)));
    }
    for (TargetTable table : tables) {
      Map<String, ExistingColumn> existing = existingColumns(table);
      if (existing.isEmpty()) {
        if (createTables) {
          statements.add(StarRocksDdl.createTable(table));
        } else {
          problems.add("StarRocks table " + table.qualifiedName()
              + " does not exist and createTables is false: create it or set createTables: true");
        }
        continue;
      }
      if (createTables) {
        statements.addAll(evolution(table, existing));
      }
      problems.addAll(incompatibilities(table, existing, createTables));
    }
    if (!problems.isEmpty()) {
      throw new UnsupportedSchemaException("StarRocks is left unchanged (no table was created or altered): "
          + String.join("; ", problems));
    }
    for (String sql : statements) {
      LOG.info("StarRocks: {}", sql.lines().findFirst().orElse(sql));
      execute(sql);
    }
  }

  /**
   * The names again, right before DDL: the plan checked them, and this keeps a table built by any
   * other path from reaching StarRocks with a name it would refuse halfway through.
   */
  private static List<String> nameProblems(List<TargetTable> tables) {
    List<String> problems = new ArrayList<>();
    for (TargetTable table : tables) {
      TargetNames.databaseProblem(table.database()).ifPresent(problems::add);
      StarRocksNames.tableProblem(table.name()).ifPresent(r -> problems.add("StarRocks table '" + table.name() + "' " + r));
      for (TargetColumn column : table.columns()) {
        StarRocksNames.columnProblem(column.name()).ifPresent(r -> problems.add("StarRocks table " + table.qualifiedName()
            + ": column '" + column.name() + "' " + r));
      }
    }
    return problems;
  }

  /**
   * Brings a table the pipeline manages in line with the source after ADD or DROP COLUMN there:
   * new source columns are added (nullable), columns the source dropped are dropped. Type changes
   * are not made here: {@link #incompatibilities} reports them.
   */
  private static List<String> evolution(TargetTable table, Map<String, ExistingColumn> existing) {
    List<String> statements = new ArrayList<>();
    for (TargetColumn column : table.columns()) {
      if (!existing.containsKey(column.name().toLowerCase(Locale.ROOT))) {
        statements.add(StarRocksDdl.addColumn(table, column));
      }
    }
    for (ExistingColumn column : existing.values()) {
      boolean inSource = table.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()));
      if (!inSource && !column.key()) {
        statements.add(StarRocksDdl.dropColumn(table, column.name()));
      }
    }
    return statements;
  }

  /**
   * What keeps an existing table from taking the rows, after the evolution above would have run
   * (columns it adds are not missing when the pipeline manages the table).
   */
  private static List<String> incompatibilities(TargetTable table, Map<String, ExistingColumn> existing,
      boolean evolves) {
    List<String> problems = new ArrayList<>();
    for (TargetColumn column : table.columns()) {
      ExistingColumn found = existing.get(column.name().toLowerCase(Locale.ROOT));
      if (found == null) {
        if (!evolves) {
          problems.add("column " + column.name() + " (" + column.type() + ") is missing");
        }
      } else if (!sameFamily(column.type(), found.dataType())) {
        problems.add("column " + column.name() + " is " + found.dataType() + ", the source needs " + column.type());
      }
    }
    List<String> key = existing.values().stream().filter(ExistingColumn::key).map(ExistingColumn::name).toList();
    List<String> wanted = table.primaryKey().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    if (!key.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList().equals(wanted)) {
      problems.add("primary key is " + key + ", the source's is " + table.primaryKey()
          + " (changes are applied by key, so they must agree)");
    }
    if (problems.isEmpty()) {
      return List.of();
    }
    return List.of("StarRocks table " + table.qualifiedName() + " cannot take the source's rows: "
        + String.join(", ", problems));
  }

  /** Compares the base type (before any parenthesis); lengths and precisions are not second-guessed. */
  static boolean sameFamily(String wanted, String existingDataType) {
    String w = family(wanted);
    String e = family(existingDataType);
    return w.equals(e) || (isText(w) && isText(e));
  }

  private static String family(String type) {
    String t = type.toLowerCase(Locale.ROOT).trim();
    int paren = t.indexOf('(');
    int angle = t.indexOf('<');
    int cut = paren < 0 ? angle : (angle < 0 ? paren : Math.min(paren, angle));
    String base = cut < 0 ? t : t.substring(0, cut);
    return switch (base) {
      case "decimal32", "decimal64", "decimal128", "decimalv2" -> "decimal";
      case "integer" -> "int";
      default -> base;
    };
  }

  private static boolean isText(String family) {
    return family.equals("varchar") || family.equals("string") || family.equals("char");
  }

  private Map<String, ExistingColumn> existingColumns(TargetTable table) throws SQLException {
    Map<String, ExistingColumn> columns = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
      st.setString(1, table.database());
      st.setString(2, table.name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          columns.put(name.toLowerCase(Locale.ROOT), new ExistingColumn(name, rs.getString(2), "PRI".equals(rs.getString(3))));
        }
      }
    }
    return columns;
  }

  private void execute(String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("StarRocks refused: " + sql.lines().findFirst().orElse(sql) + ": " + e.getMessage(), e);
    }
  }

  private record ExistingColumn(String name, String dataType, boolean key) {}
}
