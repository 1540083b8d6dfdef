package dev.pipelines.cdc.config.names;

import dev.pipelines.cdc.config.TableRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Source tables and routes → StarRocks table names, with every problem: a name StarRocks refuses
 * (see {@link StarRocksNames}) and two sources meeting in one target. Names are never rewritten:
 * a rewrite rule would have to be unable to collide with the names it leaves alone, and a user
 * would find their tables under names they never chose. A refused name gets the fix instead: a
 * route for a table; for a column, a rename in {@code spec.transforms} (the columns checked here are
 * the StarRocks names, after the transforms' renames).
 *
 * <p>Pure. The job calls {@link #plan} with the columns before any DDL; the operator's validator
 * calls {@link #routedTargetProblem} and {@link #collisions} on the spec's routes, and its
 * preflight calls {@link #plan} with the catalog's tables (no columns).
 */
public final class TargetNames {
  static final String ROUTE_FIX = "give each its own targetTable in spec.sink.starrocks.routes";
  /** The fix for a column StarRocks refuses: a rename (or leaving the column out) in spec.transforms. */
  static String columnFix(String table, String column, String suggested) {
    return "rename it with a transform, e.g. spec.transforms: [{tables: [" + table + "], columns: {rename: [{from: '"
        + column.replace("'", "''") + "', to: " + suggested + "}]}}], or leave it out with columns.exclude";
  }

  private TargetNames() {}

  /** Two or more sources whose StarRocks tables are the same table (compared without case). */
  public record Collision(List<String> sources, List<String> targets, String message) {}

  /** Every table's target and every problem, all at once. */
  public static TargetNamePlan plan(List<SourceTableNames> tables, List<TableRoute> routes) {
    return plan(tables, routes, sources -> false);
  }

  /**
   * @param merged whether sources meeting in one target are meant to (a transform's route merges them, with
   *     a source-table column in the key): their meeting is then no problem
   */
  public static TargetNamePlan plan(List<SourceTableNames> tables, List<TableRoute> routes,
      java.util.function.Predicate<List<String>> merged) {
    Map<String, String> targets = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (SourceTableNames table : tables) {
      Optional<String> source = sourceProblem(table);
      if (source.isPresent()) {
        // A route would not help: the table cannot be captured at all, so its target is not checked.
        problems.add(source.get());
        targets.put(table.qualifiedName(), table.name());
        problems.addAll(columnProblems(table));
        continue;
      }
      Optional<String> routed = routes.stream().filter(r -> r.sourceTable().equals(table.qualifiedName()))
          .map(TableRoute::targetTable).findFirst();
      String target = routed.orElse(table.name());
      targets.put(table.qualifiedName(), target);
      StarRocksNames.tableProblem(target).ifPresent(reason -> problems.add(routed.isPresent()
          ? routedTargetProblem(table.qualifiedName(), target, reason)
          : defaultTargetProblem(table.qualifiedName(), target, reason)));
      problems.addAll(columnProblems(table));
    }
    collisions(targets).stream().filter(c -> !(c.targets().size() == 1 && merged.test(c.sources())))
        .forEach(c -> problems.add(c.message()));
    return new TargetNamePlan(targets, problems);
  }

  /**
   * A source table flink-cdc 3.5.0 cannot capture: when the snapshot hands over to the stream, its
   * {@code SourceSplitSerializer} re-parses the table's unquoted {@code schema.table} with
   * Debezium's {@code TableId.parse}. Measured with a table {@code "Order Lines"}: {@code
   * IllegalArgumentException: Unexpected input: L}, the source failed at every restart (20 in 16 s).
   * A dot would be read as a separator and a double quote as quoting, so those are refused too.
   */
  static Optional<String> sourceProblem(SourceTableNames table) {
    String schema = table.qualifiedName().substring(0, table.qualifiedName().length() - table.name().length() - 1);
    boolean bad = schema.chars().anyMatch(TargetNames::unparsable) || table.name().chars().anyMatch(TargetNames::unparsable);
    if (!bad) {
      return Optional.empty();
    }
    return Optional.of("table " + table.qualifiedName() + " cannot be captured: its schema or table name holds"
        + " whitespace, a dot or a double quote, which flink-cdc 3.5.0 cannot read back when the snapshot hands over"
        + " to the stream (the job would fail at every restart); rename it in PostgreSQL (ALTER TABLE ... RENAME TO"
        + " ...) or leave it out with excludeTables");
  }

  private static boolean unparsable(int c) {
    return Character.isWhitespace(c) || c == '.' || c == '"';
  }

  /** The database the pipeline writes, if StarRocks would refuse its name. */
  public static Optional<String> databaseProblem(String database) {
    return StarRocksNames.databaseProblem(database).map(reason -> "StarRocks database name '" + database + "' "
        + reason + ": set spec.sink.starrocks.database to a name StarRocks takes");
  }

  /** A route's targetTable that StarRocks would refuse. */
  public static String routedTargetProblem(String source, String target, String reason) {
    return "table " + source + " is routed to StarRocks table '" + target + "', whose name " + reason
        + ": choose another targetTable for it in spec.sink.starrocks.routes";
  }

  /** A source table whose own name, the default target, StarRocks would refuse. */
  static String defaultTargetProblem(String source, String target, String reason) {
    return "table " + source + " would be written to StarRocks table '" + target + "', whose name " + reason
        + ": route it to a name StarRocks takes, e.g. spec.sink.starrocks.routes: [{sourceTable: " + source
        + ", targetTable: " + StarRocksNames.suggestion(target) + "}]";
  }

  /** Sources that meet in one target, each group sorted by name; targets that differ only in case meet too. */
  public static List<Collision> collisions(Map<String, String> targetBySource) {
    Map<String, List<String>> byTarget = new LinkedHashMap<>();
    targetBySource.forEach((source, target) ->
        byTarget.computeIfAbsent(target.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(source));
    List<Collision> out = new ArrayList<>();
    byTarget.values().stream().filter(group -> group.size() > 1).forEach(group -> {
      // Sorted: the job and the operator read the catalog in different orders, the message must not differ.
      List<String> sources = group.stream().sorted().toList();
      List<String> names = sources.stream().map(targetBySource::get).distinct().toList();
      String message = names.size() == 1
          ? "tables " + sources + " would all write StarRocks table " + names.get(0) + "; " + ROUTE_FIX
          : "tables " + sources + " would write StarRocks tables " + names + ", whose names differ only in case"
              + " (one table where StarRocks runs with enable_table_name_case_insensitive); " + ROUTE_FIX;
      out.add(new Collision(List.copyOf(sources), names, message));
    });
    return out;
  }

  private static List<String> columnProblems(SourceTableNames table) {
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (String column : table.columns()) {
      StarRocksNames.columnProblem(column).ifPresent(reason -> problems.add("table " + table.qualifiedName()
          + ": column '" + column + "' " + reason + "; StarRocks cannot take it: "
          + columnFix(table.qualifiedName(), column, StarRocksNames.suggestion(column))));
      String earlier = seen.putIfAbsent(column.toLowerCase(Locale.ROOT), column);
      if (earlier != null) {
        problems.add("table " + table.qualifiedName() + ": columns '" + earlier + "' and '" + column
            + "' differ only in case, and StarRocks column names ignore case: "
            + columnFix(table.qualifiedName(), column, StarRocksNames.suggestion(column) + "_2"));
      }
    }
    return problems;
  }
}
