package dev.pipelines.cdc.config.names;

import java.util.List;
import java.util.Map;

/**
 * Every source table's StarRocks table name, and every reason the names cannot be used.
 *
 * @param targetBySource StarRocks table name by source {@code schema.table}, in source order
 * @param problems one sentence per problem, each naming the table (and column) and the fix
 */
public record TargetNamePlan(Map<String, String> targetBySource, List<String> problems) {
  public TargetNamePlan {
    targetBySource = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targetBySource));
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The problems as one message, the same text wherever it is shown. */
  public String message() {
    return String.join("; ", problems);
  }
}
