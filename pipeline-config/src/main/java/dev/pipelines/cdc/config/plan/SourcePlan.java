package dev.pipelines.cdc.config.plan;

import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planning rules' verdict on one source: what the pipeline would capture, where each table goes,
 * what happens to the publication, and every reason it cannot start.
 *
 * @param selected the tables the spec selects, in catalog order (refused ones included: the problems
 *     name them)
 * @param targetBySource the StarRocks table name of each selected table, by {@code schema.table}
 * @param transformBySource the transform of each selected table that has one, by {@code schema.table}
 * @param publication what the job does with the publication
 * @param publicationManaged the job sets the entries of transformed tables in the publication (column lists,
 *     row filters) at every start, as their transforms say
 * @param problems every problem, in {@link ProblemKind} order; empty: the pipeline may start
 */
public record SourcePlan(List<CatalogTable> selected, Map<String, String> targetBySource,
    Map<String, TableTransform> transformBySource, PublicationAction publication, boolean publicationManaged,
    List<PlanProblem> problems) {

  public SourcePlan {
    selected = List.copyOf(selected);
    targetBySource = Collections.unmodifiableMap(new LinkedHashMap<>(targetBySource));
    transformBySource = Collections.unmodifiableMap(new LinkedHashMap<>(transformBySource));
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The first kind of problem in {@link ProblemKind} order, if any. */
  public Optional<ProblemKind> firstProblem() {
    return problems.stream().map(PlanProblem::kind).min(Enum::compareTo);
  }

  /** The messages of every problem of that kind, as one text. */
  public Optional<String> message(ProblemKind kind) {
    List<String> messages = problems.stream().filter(p -> p.kind() == kind).map(PlanProblem::message).toList();
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
  }

  /** Every problem as one text, the job's refusal. */
  public String message() {
    return String.join("; ", problems.stream().map(PlanProblem::message).toList());
  }

  /** The column transform of a selected table ({@link ColumnTransform#NONE} without one). */
  public ColumnTransform columns(String qualifiedName) {
    TableTransform t = transformBySource.get(qualifiedName);
    return t == null ? ColumnTransform.NONE : t.columns();
  }

  /** The row filter of a selected table; empty: every row. */
  public String filter(String qualifiedName) {
    TableTransform t = transformBySource.get(qualifiedName);
    return t == null ? "" : t.filter();
  }

  public List<String> selectedNames() {
    return selected.stream().map(CatalogTable::qualifiedName).toList();
  }
}
