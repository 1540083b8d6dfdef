package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.PlanProblem;
import dev.pipelines.cdc.config.plan.PlanRequest;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.SourcePlan;
import dev.pipelines.cdc.config.plan.SourcePlanner;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.ddl.TargetTable;
import dev.pipelines.cdc.job.ddl.TargetTables;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.job.source.TableShape;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the job will do, decided before it starts: which source tables, their StarRocks tables, and
 * what the deserializer needs to know. The selection, refusals, target names and publication decision
 * are the shared planning rules' ({@link SourcePlanner}, the same the operator's preflight applies);
 * the job adds what needs the columns (types). Every problem is found here, all at once, before a row
 * moves.
 *
 * @param sources captured tables
 * @param targets the StarRocks table of each, by source {@code schema.table}
 * @param publicationMode whether the source may create or change the publication
 * @param publicationManaged the job keeps transformed tables' entries in the publication (column lists,
 *     row filters) as their transforms say, at every start
 * @param sourceTableColumnBySource the column holding the source table, for tables a route merges
 */
public record PipelinePlan(List<SourceTable> sources, Map<String, TargetTable> targets, PublicationMode publicationMode,
    boolean publicationManaged, Map<String, String> sourceTableColumnBySource) {

  /** What the config asks of the source, for the planning rules. */
  public static PlanRequest request(PipelineConfig config) {
    return new PlanRequest(config.source().tables(), config.source().excludeTables(), config.source().publicationName(),
        config.sink().routes(), config.transforms());
  }

  /** The catalog's tables the config selects: the ones whose columns the job reads. */
  public static List<CatalogTable> selected(PipelineConfig config, SourceCatalog catalog) {
    return SourcePlanner.selected(catalog, request(config));
  }

  /**
   * @param catalog the source's description ({@link dev.pipelines.cdc.job.catalog.PostgresCatalog#describe})
   * @param sources the {@link #selected} tables with all their columns; the plan's are these with only
   *     the columns their transforms write
   */
  public static PipelinePlan of(PipelineConfig config, SourceCatalog catalog, List<SourceTable> sources) {
    return of(config, catalog, sources, Map.of());
  }

  /**
   * @param filterErrors PostgreSQL's refusal of a transform's row filter, by {@code schema.table}
   *     ({@link dev.pipelines.cdc.config.plan.CatalogQuery#filterProblem})
   */
  public static PipelinePlan of(PipelineConfig config, SourceCatalog catalog, List<SourceTable> sources,
      Map<String, String> filterErrors) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    sources.forEach(t -> columns.put(t.qualifiedName(), t.columns().stream().map(SourceColumn::name).toList()));
    SourcePlan plan = SourcePlanner.plan(catalog, request(config), columns, filterErrors);
    if (!plan.selectedNames().equals(sources.stream().map(SourceTable::qualifiedName).toList())) {
      throw new IllegalArgumentException("columns read for " + columns.keySet() + ", but the plan selects "
          + plan.selectedNames());
    }
    List<String> problems = new ArrayList<>(plan.problems().stream().map(PlanProblem::message).toList());
    TargetNames.databaseProblem(config.sink().database()).ifPresent(problems::add);
    Map<String, TargetTable> targets = new LinkedHashMap<>();
    Map<String, String> sourceColumns = new LinkedHashMap<>();
    plan.transformBySource().forEach((source, t) -> {
      if (t.route() != null && t.route().namesSource()) {
        sourceColumns.put(source, t.route().sourceTableColumn());
      }
    });
    List<SourceTable> written = new ArrayList<>();
    for (SourceTable all : sources) {
      SourceTable table = all.transformed(plan.columns(all.qualifiedName()), plan.filter(all.qualifiedName()));
      written.add(table);
      if (table.primaryKey().isEmpty() || !keptKey(table)) {
        continue; // refused by the plan, with the fix (no key, or a transform leaves a key column out)
      }
      try {
        targets.put(table.qualifiedName(), TargetTables.of(table, config.sink().database(),
            plan.targetBySource().get(table.qualifiedName()), sourceColumns.getOrDefault(table.qualifiedName(), "")));
      } catch (UnsupportedSchemaException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(mergedTableProblems(targets));
    if (!problems.isEmpty()) {
      throw new UnsupportedSchemaException("the pipeline cannot start: " + String.join("; ", problems));
    }
    return new PipelinePlan(written, targets, PublicationMode.of(plan.publication()), plan.publicationManaged(),
        sourceColumns);
  }

  /**
   * Tables a route writes into one StarRocks table must make the same table of it: the same columns, of
   * the same StarRocks types, and the same key. Where they do not, the message shows each one's.
   */
  private static List<String> mergedTableProblems(Map<String, TargetTable> targets) {
    Map<String, List<String>> sourcesByTarget = new LinkedHashMap<>();
    targets.forEach((source, t) -> sourcesByTarget.computeIfAbsent(t.qualifiedName(), k -> new ArrayList<>()).add(source));
    List<String> problems = new ArrayList<>();
    sourcesByTarget.forEach((target, sources) -> {
      if (sources.stream().map(targets::get).distinct().count() > 1) {
        StringBuilder shapes = new StringBuilder();
        for (String source : sources) {
          TargetTable t = targets.get(source);
          shapes.append(shapes.length() == 0 ? "" : "; ").append(source).append(": ")
              .append(t.columns().stream().map(c -> c.name() + " " + c.type()).toList()).append(" key ")
              .append(t.primaryKey());
        }
        problems.add("tables " + sources + " are routed into StarRocks table " + target + " but would not make the same"
            + " table of it (columns, StarRocks types, key): " + shapes + "; make them alike in PostgreSQL, or"
            + " leave the differing columns out with columns.exclude");
      }
    });
    return problems;
  }

  private static boolean keptKey(SourceTable table) {
    return table.primaryKey().stream().allMatch(k -> table.columns().stream().anyMatch(c -> c.name().equals(k)));
  }

  public List<String> sourceNames() {
    return sources.stream().map(SourceTable::qualifiedName).toList();
  }

  public Map<String, SourceTable> sourcesByName() {
    Map<String, SourceTable> byName = new LinkedHashMap<>();
    sources.forEach(t -> byName.put(t.qualifiedName(), t));
    return byName;
  }

  /** Each StarRocks table once (tables a route merges share one). */
  public List<TargetTable> targetTables() {
    return targets.values().stream().distinct().toList();
  }

  public Map<String, String> targetNameBySource() {
    Map<String, String> names = new LinkedHashMap<>();
    targets.forEach((source, target) -> names.put(source, target.name()));
    return names;
  }

  public Map<String, TableShape> shapes() {
    Map<String, TableShape> shapes = new LinkedHashMap<>();
    for (SourceTable t : sources) {
      shapes.put(t.qualifiedName(), TableShape.of(t));
    }
    return shapes;
  }
}
