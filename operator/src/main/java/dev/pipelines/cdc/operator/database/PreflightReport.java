package dev.pipelines.cdc.operator.database;

/**
 * Both preflights of one pipeline, with what the status needs to present them.
 *
 * @param slotName the pipeline's replication slot
 * @param publicationName the pipeline's publication
 * @param maxLagBytes spec.source.postgres.maxLag in bytes
 */
public record PreflightReport(String slotName, String publicationName, long maxLagBytes, SourceReport source,
    CheckResult sink) {
  public boolean passed() {
    return source.check().ok() && sink.ok();
  }
}
