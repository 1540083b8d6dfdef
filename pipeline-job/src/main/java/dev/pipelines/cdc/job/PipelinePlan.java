package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.names.SourceTableNames;
import dev.pipelines.cdc.config.names.TargetNamePlan;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.job.catalog.ExistingPublication;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.catalog.TableSelector;
import dev.pipelines.cdc.job.ddl.TargetTable;
import dev.pipelines.cdc.job.ddl.TargetTables;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.job.source.TableShape;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the job will do, decided before it starts: which source tables, their StarRocks tables, and
 * what the deserializer needs to know. Every problem with the schema is found here, all at once,
 * before a row moves.
 *
 * @param sources captured tables
 * @param targets the StarRocks table of each, by source {@code schema.table}
 * @param publicationMode whether the source may create or change the publication
 */
public record PipelinePlan(List<SourceTable> sources, Map<String, TargetTable> targets, PublicationMode publicationMode) {

  public static PipelinePlan of(PipelineConfig config, List<String> allTables, List<SourceTable> selected,
      Optional<ExistingPublication> publication) {
    TableSelector selector = new TableSelector(config.source().tables(), config.source().excludeTables());
    List<String> problems = new ArrayList<>();
    List<String> unmatched = selector.unmatchedPatterns(allTables);
    if (!unmatched.isEmpty()) {
      problems.add("no table matches " + unmatched + " in database " + config.source().database()
          + " (or the user cannot see it)");
    }
    TargetNames.databaseProblem(config.sink().database()).ifPresent(problems::add);
    // Every target name decided (and checked) before any table is planned, so that nothing reaches
    // DDL unless the whole set is valid.
    TargetNamePlan names = TargetNames.plan(selected.stream().map(PipelinePlan::names).toList(), config.sink().routes());
    Map<String, TargetTable> targets = new LinkedHashMap<>();
    for (SourceTable table : selected) {
      try {
        targets.put(table.qualifiedName(),
            TargetTables.of(table, config.sink().database(), names.targetBySource().get(table.qualifiedName())));
      } catch (UnsupportedSchemaException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(names.problems());
    PublicationMode mode = PublicationMode.FILTERED;
    try {
      mode = PublicationMode.decide(config.source().publicationName(), publication,
          selected.stream().map(SourceTable::qualifiedName).toList());
    } catch (UnsupportedSchemaException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new UnsupportedSchemaException("the pipeline cannot start: " + String.join("; ", problems));
    }
    return new PipelinePlan(selected, targets, mode);
  }

  private static SourceTableNames names(SourceTable table) {
    return new SourceTableNames(table.qualifiedName(), table.name(),
        table.columns().stream().map(SourceColumn::name).toList());
  }

  public List<String> sourceNames() {
    return sources.stream().map(SourceTable::qualifiedName).toList();
  }

  public Map<String, SourceTable> sourcesByName() {
    Map<String, SourceTable> byName = new LinkedHashMap<>();
    sources.forEach(t -> byName.put(t.qualifiedName(), t));
    return byName;
  }

  public List<TargetTable> targetTables() {
    return List.copyOf(targets.values());
  }

  public Map<String, String> targetNameBySource() {
    Map<String, String> names = new LinkedHashMap<>();
    targets.forEach((source, target) -> names.put(source, target.name()));
    return names;
  }

  public Map<String, TableShape> shapes() {
    Map<String, TableShape> shapes = new LinkedHashMap<>();
    for (SourceTable t : sources) {
      shapes.put(t.qualifiedName(), new TableShape(
          t.columns().stream().map(SourceColumn::name).collect(Collectors.toSet()), t.primaryKey(),
          t.columns().stream().filter(StarRocksTypes::isBlankPadded).map(SourceColumn::name)
              .collect(Collectors.toSet()),
          t.columns().stream().collect(Collectors.toMap(SourceColumn::name,
              c -> dev.pipelines.cdc.job.types.ValueLimit.of(StarRocksTypes.map(t, c))))));
    }
    return shapes;
  }
}
