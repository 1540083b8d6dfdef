package dev.pipelines.cdc.config.plan;

import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.names.SourceTableNames;
import dev.pipelines.cdc.config.names.TargetNamePlan;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The planning rules over one {@link SourceCatalog}: which tables a spec selects, which it may not
 * capture and why, the publication decision and each table's StarRocks name. Pure. The operator's
 * preflight and the job both call it, so they select, refuse and explain the same way; each message
 * names every table concerned and the statement that fixes it.
 */
public final class SourcePlanner {
  private SourcePlanner() {}

  /**
   * @param columnsBySource column names of selected tables, by {@code schema.table}, where they are
   *     known (the job reads every selected table's; the operator's preflight reads them too): the
   *     transforms' columns and the target-name rule are then checked on them
   */
  public static SourcePlan plan(SourceCatalog catalog, PlanRequest request, Map<String, List<String>> columnsBySource) {
    return plan(catalog, request, columnsBySource, Map.of());
  }

  /**
   * @param filterErrors PostgreSQL's refusal of a transform's filter, by {@code schema.table}
   *     ({@link CatalogQuery#filterProblem}, asked by the caller on its connection)
   */
  public static SourcePlan plan(SourceCatalog catalog, PlanRequest request, Map<String, List<String>> columnsBySource,
      Map<String, String> filterErrors) {
    TableSelector selector = new TableSelector(request.include(), request.exclude());
    List<CatalogTable> selected = selected(catalog, request);
    String user = catalog.user().name();
    List<PlanProblem> problems = new ArrayList<>();

    List<String> unmatched = selector.unmatchedPatterns(names(catalog.tables()));
    if (!unmatched.isEmpty()) {
      problems.add(new PlanProblem(ProblemKind.TABLE_NOT_FOUND, "no table matches " + quoted(unmatched)
          + " in database " + catalog.database() + " (patterns are regular expressions over the whole schema.table"
          + " name, minus excludeTables; names are case-sensitive)"));
    }
    List<String> unreadable = names(selected.stream().filter(t -> !t.selectable()).toList());
    if (!unreadable.isEmpty()) {
      problems.add(new PlanProblem(ProblemKind.NOT_SELECTABLE, "user '" + user + "' may not read "
          + String.join(", ", unreadable) + "; the snapshot needs GRANT SELECT ON " + String.join(", ", unreadable)
          + " TO " + user));
    }
    List<String> keyless = names(selected.stream().filter(t -> !t.hasPrimaryKey()).toList());
    if (!keyless.isEmpty()) {
      problems.add(new PlanProblem(ProblemKind.NO_PRIMARY_KEY, (keyless.size() == 1 ? "table " : "tables ")
          + String.join(", ", keyless) + (keyless.size() == 1 ? " has" : " have") + " no primary key; the job"
          + " writes StarRocks primary-key tables and splits snapshots by key: add one (ALTER TABLE ... ADD"
          + " PRIMARY KEY) or leave the table out with excludeTables"));
    }
    TableTransforms.Resolved transforms = TableTransforms.resolve(request.transforms(), catalog, selected,
        columnsBySource, filterErrors);
    transforms.problems().forEach(p -> problems.add(new PlanProblem(ProblemKind.TRANSFORM_INVALID, p)));
    // Every target name decided (and checked) at once, so that nothing reaches DDL unless the whole
    // set is valid; the catalog decides which tables meet by default (a.orders and b.orders). Columns
    // are checked under the names they are written as, after the transforms.
    // A transform's route names the target of each table it selects, as a sink route would (never both).
    List<TableRoute> routes = new ArrayList<>(request.routes());
    Map<String, Integer> mergeOf = new java.util.HashMap<>();
    transforms.bySource().forEach((source, t) -> {
      if (t.route() == null) {
        return;
      }
      if (request.routes().stream().anyMatch(r -> r.sourceTable().equals(source))) {
        problems.add(new PlanProblem(ProblemKind.TRANSFORM_INVALID, "table " + source + " has a route in"
            + " spec.sink.starrocks.routes and one in spec.transforms: keep one"));
        return;
      }
      routes.add(new TableRoute(source, t.route().targetTable()));
      if (t.route().namesSource()) {
        mergeOf.put(source, request.transforms().indexOf(t));
      }
    });
    TargetNamePlan targets = TargetNames.plan(selected.stream()
        .map(t -> new SourceTableNames(t.qualifiedName(), t.name(), TableTransforms.targetColumns(
            columnsBySource.getOrDefault(t.qualifiedName(), List.of()), transforms.columnsBySource()
                .getOrDefault(t.qualifiedName(), ColumnTransform.NONE))))
        .toList(), routes,
        // Tables one route merges, each row carrying its source table in the key, are meant to meet.
        sources -> sources.stream().map(mergeOf::get).distinct().count() == 1 && mergeOf.containsKey(sources.get(0)));
    targets.problems().forEach(p -> problems.add(new PlanProblem(ProblemKind.TARGET_NAMES_INVALID, p)));

    Map<String, List<String>> written = new java.util.LinkedHashMap<>();
    selected.forEach(t -> {
      List<String> columns = columnsBySource.get(t.qualifiedName());
      if (columns != null) {
        written.put(t.qualifiedName(), columns.stream()
            .filter(transforms.columnsBySource().getOrDefault(t.qualifiedName(), ColumnTransform.NONE)::keeps).toList());
      }
    });
    boolean managed = managed(catalog, selected, transforms);
    PublicationAction publication = publication(catalog, request.publicationName(), selected,
        managed ? Map.of() : written, problems);
    if (transforms.bySource().values().stream().anyMatch(TableTransform::filters)) {
      filteredPublication(catalog, request.publicationName(), transforms, problems);
    }
    return new SourcePlan(selected, targets.targetBySource(), transforms.bySource(), publication,
        managed && publication != PublicationAction.REFUSED, problems);
  }

  /** The catalog's tables the request selects, in catalog order (the job reads their columns before planning). */
  public static List<CatalogTable> selected(SourceCatalog catalog, PlanRequest request) {
    TableSelector selector = new TableSelector(request.include(), request.exclude());
    return catalog.tables().stream().filter(t -> selector.selects(t.qualifiedName())).toList();
  }

  /**
   * A publication that covers every selected table is used as it is, whoever owns it. A missing one
   * is created, and an incomplete one extended, by the job (Debezium's {@code filtered} mode), which
   * PostgreSQL allows a superuser, or a user with CREATE on the database (to create) and the
   * privileges of the owner of the publication (to change it) and of every table it adds. A CDC user
   * rarely owns them, so this is where the job would otherwise fail once started.
   */
  private static PublicationAction publication(SourceCatalog catalog, String name, List<CatalogTable> selected,
      Map<String, List<String>> written, List<PlanProblem> problems) {
    CatalogUser user = catalog.user();
    if (catalog.publication().isEmpty()) {
      List<String> notOwned = names(selected.stream().filter(t -> !t.owned()).toList());
      if (user.superuser() || (user.mayCreateInDatabase() && notOwned.isEmpty())) {
        return PublicationAction.CREATE;
      }
      String lacks = (user.mayCreateInDatabase() ? "" : "CREATE on the database")
          + (!user.mayCreateInDatabase() && !notOwned.isEmpty() ? " and " : "")
          + (notOwned.isEmpty() ? "" : "ownership of " + String.join(", ", notOwned));
      problems.add(new PlanProblem(ProblemKind.PUBLICATION_NOT_CREATABLE, "publication " + name
          + " does not exist and user '" + user.name() + "' may not create it (lacks " + lacks + "); as the tables'"
          + " owner run CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", names(selected))));
      return PublicationAction.REFUSED;
    }
    CatalogPublication pub = catalog.publication().get();
    // The job never changes what an existing publication publishes: that is its owner's decision.
    List<String> unsuitable = new ArrayList<>(PublicationCoverage.unsuitable(name, pub, selected));
    unsuitable.addAll(PublicationCoverage.unpublishedColumns(name, pub, written));
    List<CatalogTable> missing = PublicationCoverage.missing(pub, selected);
    boolean mayExtend = user.superuser() || (pub.owned() && missing.stream().allMatch(CatalogTable::owned));
    if (!missing.isEmpty() && !mayExtend) {
      String missingNames = String.join(", ", names(missing));
      problems.add(new PlanProblem(ProblemKind.PUBLICATION_INCOMPLETE, "publication " + name + " does not publish "
          + missingNames + " and user '" + user.name() + "' may not add them (needs ownership of the publication and"
          + " the tables); as its owner run ALTER PUBLICATION " + name + " ADD TABLE " + missingNames));
    }
    unsuitable.forEach(p -> problems.add(new PlanProblem(ProblemKind.PUBLICATION_UNSUITABLE, p)));
    if (!unsuitable.isEmpty() || (!missing.isEmpty() && !mayExtend)) {
      return PublicationAction.REFUSED;
    }
    return missing.isEmpty() ? PublicationAction.USE_AS_IS : PublicationAction.EXTEND;
  }

  /**
   * Whether the job keeps the entries of transformed tables in the publication (column lists, row filters)
   * as their transforms say, at every start: it may change the publication (a superuser; the owner of an
   * existing one and of the transformed tables; or the creator of a missing one). Then a column list that
   * lacks a written column is the job's to fix, not a refusal.
   */
  private static boolean managed(SourceCatalog catalog, List<CatalogTable> selected, TableTransforms.Resolved transforms) {
    CatalogUser user = catalog.user();
    if (user.superuser()) {
      return true;
    }
    boolean transformedOwned = selected.stream().filter(t -> transforms.bySource().containsKey(t.qualifiedName()))
        .allMatch(CatalogTable::owned);
    return catalog.publication().isEmpty()
        ? user.mayCreateInDatabase() && selected.stream().allMatch(CatalogTable::owned)
        : catalog.publication().get().owned() && transformedOwned;
  }

  /**
   * A row filter must be the one the transform says in the publication too, so the job sets it at every
   * start; that needs a publication it may change (a superuser, or the owner of the publication and the
   * filtered tables). A publication it may not change could filter otherwise, or not at all.
   */
  private static void filteredPublication(SourceCatalog catalog, String name, TableTransforms.Resolved transforms,
      List<PlanProblem> problems) {
    CatalogUser user = catalog.user();
    if (user.superuser() || catalog.publication().isEmpty()) {
      return; // created by the job with the filters (or refused by the publication decision, with its fix)
    }
    List<String> notOwned = catalog.tables().stream()
        .filter(t -> transforms.bySource().containsKey(t.qualifiedName()) && transforms.bySource().get(t.qualifiedName())
            .filters() && !t.owned()).map(CatalogTable::qualifiedName).toList();
    if (!catalog.publication().get().owned() || !notOwned.isEmpty()) {
      problems.add(new PlanProblem(ProblemKind.TRANSFORM_INVALID, "a transform filters rows, and the job keeps the"
          + " filter in publication " + name + " at every start, but user '" + user.name() + "' may not change it (needs"
          + " ownership of the publication" + (notOwned.isEmpty() ? "" : " and of " + String.join(", ", notOwned))
          + "); as its owner run ALTER PUBLICATION " + name + " OWNER TO " + user.name() + ", or drop it for the job to"
          + " create"));
    }
  }

  private static List<String> names(List<CatalogTable> tables) {
    return tables.stream().map(CatalogTable::qualifiedName).toList();
  }

  private static String quoted(List<String> patterns) {
    return patterns.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
  }
}
