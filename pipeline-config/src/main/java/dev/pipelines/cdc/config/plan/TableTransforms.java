package dev.pipelines.cdc.config.plan;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.names.StarRocksNames;
import dev.pipelines.cdc.config.transform.TableMerge;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * What the transforms do to each captured table, and what is wrong with them.
   *
   * @param bySource the transform of each captured table that has one (its {@code tables} as written)
   */
  public record Resolved(Map<String, TableTransform> bySource, List<String> problems) {
    public Map<String, ColumnTransform> columnsBySource() {
      Map<String, ColumnTransform> columns = new LinkedHashMap<>();
      bySource.forEach((table, t) -> columns.put(table, t.columns()));
      return columns;
    }
  }

  /**
   * @param captured the tables the pipeline captures (the selection, before refusals)
   * @param columnsBySource column names of captured tables, by {@code schema.table}, where they are known:
   *     only then are the columns a transform names checked
   * @param filterErrors PostgreSQL's refusal of a filter, by {@code schema.table} ({@link CatalogQuery#filterProblem})
   */
  public static Resolved resolve(List<TableTransform> transforms, SourceCatalog catalog, List<CatalogTable> captured,
      Map<String, List<String>> columnsBySource, Map<String, String> filterErrors) {
    Map<String, TableTransform> bySource = new LinkedHashMap<>();
    Map<String, Integer> transformOf = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> names = captured.stream().map(CatalogTable::qualifiedName).toList();
    for (int i = 0; i < transforms.size(); i++) {
      TableTransform transform = transforms.get(i);
      String path = "spec.transforms[" + i + "]";
      TableSelector selector = new TableSelector(transform.tables(), List.of());
      if (transform.filters()) {
        Optional<String> text = RowFilters.problem(transform.filter());
        if (text.isPresent()) {
          problems.add(path + ".filter " + text.get());
          continue;
        }
        if (catalog.majorVersion() < 15) {
          problems.add(path + ".filter needs PostgreSQL 15 or later, whose publications filter rows (this server is "
              + catalog.majorVersion() + "); before 15 every row's changes are published, and the job cannot evaluate"
              + " SQL itself: upgrade PostgreSQL, or capture the table whole");
          continue;
        }
      }
      List<String> unmatched = selector.unmatchedPatterns(names);
      if (!unmatched.isEmpty()) {
        problems.add(path + ".tables: no captured table matches " + unmatched.stream().map(p -> "'" + p + "'")
            .collect(Collectors.joining(", ")) + " (a transform applies to tables spec.source.postgres.tables selects;"
            + " patterns are regular expressions over the whole schema.table name, case-sensitive)");
      }
      List<CatalogTable> matched = captured.stream().filter(t -> selector.selects(t.qualifiedName())).toList();
      if (transform.route() != null) {
        problems.addAll(mergeProblems(path, transform, matched, columnsBySource));
      }
      for (CatalogTable table : matched) {
        Integer earlier = transformOf.putIfAbsent(table.qualifiedName(), i);
        if (earlier != null) {
          problems.add("table " + table.qualifiedName() + " is selected by spec.transforms[" + earlier + "] and " + path
              + "; a table takes one transform: narrow their tables, or merge the two");
          continue;
        }
        bySource.put(table.qualifiedName(), transform);
        List<String> columns = columnsBySource.get(table.qualifiedName());
        if (columns != null) {
          problems.addAll(columnProblems(path, table, columns, transform.columns()));
        }
        if (transform.filters()) {
          String refused = filterErrors.get(table.qualifiedName());
          if (refused != null) {
            problems.add(path + ".filter on table " + table.qualifiedName() + ": PostgreSQL refuses it: " + refused);
          } else if (columns != null) {
            identityProblem(path, table, columns, transform.filter()).ifPresent(problems::add);
          }
        }
      }
    }
    return new Resolved(bySource, problems);
  }

  /**
   * The row filters PostgreSQL is to check ({@link CatalogQuery#filterProblem}): each captured table's, of the
   * first transform selecting it, where the filter's text passes {@link RowFilters#problem} (any other
   * filter is refused without reaching SQL).
   */
  public static Map<CatalogTable, String> filters(List<TableTransform> transforms, List<CatalogTable> captured) {
    Map<CatalogTable, String> filters = new LinkedHashMap<>();
    for (CatalogTable table : captured) {
      transforms.stream().filter(t -> new TableSelector(t.tables(), List.of()).selects(table.qualifiedName()))
          .findFirst().filter(t -> t.filters() && RowFilters.problem(t.filter()).isEmpty())
          .ifPresent(t -> filters.put(table, t.filter()));
    }
    return filters;
  }

  /**
   * A route writes its tables into one StarRocks table. Rows of different sources with the same key would
   * overwrite each other there (shards' keys often come from separate sequences), so several sources need
   * {@code sourceTableColumn}, which the job fills with each row's {@code schema.table} and makes part of the
   * key; it must be a name StarRocks takes and no written column's.
   */
  private static List<String> mergeProblems(String path, TableTransform transform, List<CatalogTable> matched,
      Map<String, List<String>> columnsBySource) {
    List<String> problems = new ArrayList<>();
    TableMerge route = transform.route();
    List<String> names = matched.stream().map(CatalogTable::qualifiedName).toList();
    if (matched.size() > 1 && !route.namesSource()) {
      problems.add(path + ".route writes " + names + " into StarRocks table " + route.targetTable() + ", where rows of"
          + " different tables with the same key (" + String.join(", ", matched.get(0).primaryKey()) + ") would overwrite"
          + " each other: set route.sourceTableColumn, a column the job fills with each row's source table and adds to"
          + " the key");
    }
    if (route.namesSource()) {
      StarRocksNames.columnProblem(route.sourceTableColumn()).ifPresent(reason -> problems.add(path
          + ".route.sourceTableColumn '" + route.sourceTableColumn() + "' " + reason));
      for (CatalogTable table : matched) {
        List<String> columns = columnsBySource.get(table.qualifiedName());
        if (columns != null && targetColumns(columns, transform.columns()).stream()
            .anyMatch(c -> c.equalsIgnoreCase(route.sourceTableColumn()))) {
          problems.add(path + ".route.sourceTableColumn '" + route.sourceTableColumn() + "' is also a column table "
              + table.qualifiedName() + " writes (StarRocks column names ignore case): choose another name");
        }
      }
    }
    return problems;
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

  /**
   * PostgreSQL refuses UPDATE and DELETE on a table whose publication filters on a column outside its
   * replica identity (it could not tell where the old row stood): the application's own writes would fail.
   */
  private static Optional<String> identityProblem(String path, CatalogTable table, List<String> columns,
      String filter) {
    List<String> outside = RowFilters.referencedColumns(filter, columns).stream()
        .filter(c -> !table.replicaIdentity().contains(c)).toList();
    if (outside.isEmpty()) {
      return Optional.empty();
    }
    String identity = table.replicaIdentity().isEmpty() ? "none" : String.join(", ", table.replicaIdentity());
    return Optional.of(path + ".filter on table " + table.qualifiedName() + " uses " + quoted(outside) + ", outside"
        + " its replica identity (" + identity + "): PostgreSQL would refuse every UPDATE and DELETE of the table once"
        + " its publication filters on " + (outside.size() == 1 ? "it" : "them") + "; as the table's owner run ALTER"
        + " TABLE " + table.qualifiedName() + " REPLICA IDENTITY FULL (each UPDATE and DELETE then logs the whole old"
        + " row), or filter on replica identity columns only");
  }

  private static String listed(List<String> columns) {
    String shown = columns.stream().limit(LISTED_COLUMNS).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return columns.size() > LISTED_COLUMNS ? shown + " and " + (columns.size() - LISTED_COLUMNS) + " more" : shown;
  }

  private static String quoted(List<String> columns) {
    return columns.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
  }
}
