package dev.pipelines.cdc.config.plan;

import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.List;

/**
 * What the spec asks of the source, as the planning rules read it.
 *
 * @param include regular expressions matched against the whole {@code schema.table}
 * @param exclude regular expressions removed from what {@code include} selects
 * @param publicationName the pipeline's publication
 * @param routes the sink's routes: with the selected tables they decide the StarRocks table names
 * @param transforms {@code spec.transforms}: which columns each table writes, under which names
 */
public record PlanRequest(List<String> include, List<String> exclude, String publicationName, List<TableRoute> routes,
    List<TableTransform> transforms) {
  public PlanRequest {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    routes = List.copyOf(routes);
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
  }

  /** A request without transforms. */
  public PlanRequest(List<String> include, List<String> exclude, String publicationName, List<TableRoute> routes) {
    this(include, exclude, publicationName, routes, List.of());
  }
}
