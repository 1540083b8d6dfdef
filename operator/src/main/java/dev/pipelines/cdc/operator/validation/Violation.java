package dev.pipelines.cdc.operator.validation;

/**
 * One broken rule.
 *
 * @param field path of the offending field, e.g. {@code spec.source.postgres.port}
 * @param message what is wrong and what to do about it
 */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
