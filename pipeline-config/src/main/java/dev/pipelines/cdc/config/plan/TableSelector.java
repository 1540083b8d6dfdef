package dev.pipelines.cdc.config.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The spec's {@code tables} and {@code excludeTables}: regular expressions matched against the whole
 * {@code schema.table} name (a plain name is a regular expression matching itself), case-sensitive.
 */
public final class TableSelector {
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  public TableSelector(List<String> include, List<String> exclude) {
    this.include = include.stream().map(Pattern::compile).toList();
    this.exclude = exclude.stream().map(Pattern::compile).toList();
  }

  public boolean selects(String qualifiedName) {
    return matchesAny(include, qualifiedName) && !matchesAny(exclude, qualifiedName);
  }

  /**
   * Include patterns that select none of {@code qualifiedNames}: no name matches, or every match is
   * excluded. Either way the user asked for tables and gets none from this pattern (most likely a
   * typo, or an exclude that is too wide), so both sides refuse it.
   */
  public List<String> unmatchedPatterns(List<String> qualifiedNames) {
    return include.stream()
        .filter(p -> qualifiedNames.stream().noneMatch(n -> p.matcher(n).matches() && !matchesAny(exclude, n)))
        .map(Pattern::pattern)
        .toList();
  }

  private static boolean matchesAny(List<Pattern> patterns, String name) {
    return patterns.stream().anyMatch(p -> p.matcher(name).matches());
  }
}
