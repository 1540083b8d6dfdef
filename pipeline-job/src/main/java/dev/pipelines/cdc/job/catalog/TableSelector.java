package dev.pipelines.cdc.job.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The config's {@code tables} and {@code excludeTables}: regular expressions matched against the
 * whole {@code schema.table} name (a plain name is a regular expression matching itself).
 */
public final class TableSelector {
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  public TableSelector(List<String> include, List<String> exclude) {
    this.include = include.stream().map(Pattern::compile).toList();
    this.exclude = exclude.stream().map(Pattern::compile).toList();
  }

  public boolean selects(String qualifiedName) {
    return include.stream().anyMatch(p -> p.matcher(qualifiedName).matches())
        && exclude.stream().noneMatch(p -> p.matcher(qualifiedName).matches());
  }

  /** Include patterns that match none of {@code qualifiedNames}: most likely typos. */
  public List<String> unmatchedPatterns(List<String> qualifiedNames) {
    return include.stream()
        .filter(p -> qualifiedNames.stream().noneMatch(n -> p.matcher(n).matches()))
        .map(Pattern::pattern)
        .toList();
  }
}
