package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.plan.PlanRequest;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.List;

/**
 * What a pipeline wants from its source, as preflight checks it.
 *
 * @param tables include patterns: regular expressions matched against the whole {@code schema.table}
 * @param excludeTables patterns removed from {@code tables}
 * @param routes the sink's routes: with the selected tables they decide the StarRocks table names,
 *     which preflight checks by the shared rule
 * @param transforms {@code spec.transforms}, checked against the selected tables' columns
 */
public record SourceSelection(List<String> tables, List<String> excludeTables, String slotName,
    String publicationName, List<TableRoute> routes, List<TableTransform> transforms) {
  public SourceSelection {
    tables = List.copyOf(tables);
    excludeTables = List.copyOf(excludeTables);
    routes = List.copyOf(routes);
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
  }

  /** A selection without transforms. */
  public SourceSelection(List<String> tables, List<String> excludeTables, String slotName, String publicationName,
      List<TableRoute> routes) {
    this(tables, excludeTables, slotName, publicationName, routes, List.of());
  }

  /** A selection without routes: every table keeps its own name in StarRocks. */
  public SourceSelection(List<String> tables, List<String> excludeTables, String slotName, String publicationName) {
    this(tables, excludeTables, slotName, publicationName, List.of(), List.of());
  }

  /** What the shared planning rules read of it. */
  public PlanRequest planRequest() {
    return new PlanRequest(tables, excludeTables, publicationName, routes, transforms);
  }
}
