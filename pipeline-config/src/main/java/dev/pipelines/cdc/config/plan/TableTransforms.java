package dev.pipelines.cdc.config.plan;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code spec.transforms} over the captured tables: which transform applies to each table, and every
 * way a transform does not fit the tables it names. Pure; part of {@link SourcePlanner}, so the
 * operator's preflight and the job refuse the same transforms with the same words. Each message starts
 * with the transform's field path ({@code spec.transforms[0]}).
 */
public final class TableTransforms {
  /** The most column names a message lists. */
  private static final int LISTED_COLUMNS = 30;

  private TableTransforms() {}

  /** What the transforms do to each captured table, and what is wrong with them. */
  public record Resolved(Map<String, ColumnTransform> columnsBySource, List<String> problems) {}

  /**
   * @param captured the tables the pipeline captures (the selection, before refusals)
   * @param columnsBySource column names of captured tables, by {@code schema.table}, where they are known:
   *     only then are the columns a transform names checked
   */
  public static Resolved resolve(List<TableTransform> transforms, List<CatalogTable> captured,
      Map<String, List<String>> columnsBySource) {
    Map<String, ColumnTransform> bySource = new LinkedHashMap<>();
    Map<String, Integer> transformOf = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> names = captured.stream().map(CatalogTable::qualifiedName).toList();
    for (int i = 0; i < transforms.size(); i++) {
      TableTransform transform = transforms.get(i);
      String path = "spec.transforms[" + i + "]";
      TableSelector selector = new TableSelector(transform.tables(), List.of());
      List<String> unmatched = selector.unmatchedPatterns(names);
      if (!unmatched.isEmpty()) {
        problems.add(path + ".tables: no captured table matches " + unmatched.stream().map(p -> "'" + p + "'")
            .collect(Collectors.joining(", ")) + " (a transform applies to tables spec.source.postgres.tables selects;"
            + " patterns are regular expressions over the whole schema.table name, case-sensitive)");
      }
      for (CatalogTable table : captured) {
        if (!selector.selects(table.qualifiedName())) {
          continue;
        }
        Integer earlier = transformOf.putIfAbsent(table.qualifiedName(), i);
        if (earlier != null) {
          problems.add("table " + table.qualifiedName() + " is selected by spec.transforms[" + earlier + "] and " + path
              + "; a table takes one transform: narrow their tables, or merge the two");
          continue;
        }
        bySource.put(table.qualifiedName(), transform.columns());
        List<String> columns = columnsBySource.get(table.qualifiedName());
        if (columns != null) {
          problems.addAll(columnProblems(path, table, columns, transform.columns()));
        }
      }
    }
    return new Resolved(bySource, problems);
  }

  /** The StarRocks names of the columns a table writes, in table order. */
  public static List<String> targetColumns(List<String> columns, ColumnTransform transform) {
    return columns.stream().filter(transform::keeps).map(transform::targetName).toList();
  }

  private static List<String> columnProblems(String path, CatalogTable table, List<String> columns,
      ColumnTransform transform) {
    List<String> problems = new ArrayList<>();
    String name = table.qualifiedName();
    List<String> unknown = new ArrayList<>();
    transform.include().stream().filter(c -> !columns.contains(c)).forEach(c -> unknown.add(c + "' (columns.include"));
    transform.exclude().stream().filter(c -> !columns.contains(c)).forEach(c -> unknown.add(c + "' (columns.exclude"));
    transform.rename().stream().map(ColumnRename::from).filter(c -> !columns.contains(c))
        .forEach(c -> unknown.add(c + "' (columns.rename"));
    if (!unknown.isEmpty()) {
      problems.add(path + ": table " + name + " has no column " + unknown.stream().map(u -> "'" + u + ")")
          .collect(Collectors.joining(", ")) + "; its columns are " + listed(columns) + " (names are case-sensitive)");
    }
    List<String> keyDropped = table.primaryKey().stream().filter(k -> columns.contains(k) && !transform.keeps(k))
        .toList();
    if (!keyDropped.isEmpty()) {
      problems.add(path + ": " + (keyDropped.size() == 1 ? "column " : "columns ") + quoted(keyDropped) + " of table "
          + name + (keyDropped.size() == 1 ? " is" : " are") + " part of its primary key (" + String.join(", ",
          table.primaryKey()) + "), which the StarRocks primary-key table is keyed by: "
          + (transform.include().isEmpty() ? "take " + (keyDropped.size() == 1 ? "it" : "them") + " out of columns.exclude"
              : "add " + (keyDropped.size() == 1 ? "it" : "them") + " to columns.include"));
    }
    List<String> renamedButDropped = transform.rename().stream().map(ColumnRename::from)
        .filter(c -> columns.contains(c) && !transform.keeps(c)).toList();
    if (!renamedButDropped.isEmpty()) {
      problems.add(path + ": columns.rename names " + quoted(renamedButDropped) + " of table " + name + ", which the"
          + " transform does not write (" + (transform.include().isEmpty() ? "excluded" : "not included") + ")");
    }
    List<String> renamedTwice = transform.rename().stream().map(ColumnRename::from)
        .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    if (!renamedTwice.isEmpty()) {
      problems.add(path + ": columns.rename renames " + quoted(renamedTwice) + " more than once");
    }
    return problems;
  }

  private static String listed(List<String> columns) {
    String shown = columns.stream().limit(LISTED_COLUMNS).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return columns.size() > LISTED_COLUMNS ? shown + " and " + (columns.size() - LISTED_COLUMNS) + " more" : shown;
  }

  private static String quoted(List<String> columns) {
    return columns.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
  }
}
