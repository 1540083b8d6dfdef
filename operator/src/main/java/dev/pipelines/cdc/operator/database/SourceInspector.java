package dev.pipelines.cdc.operator.database;

/** Preflight of the source database, and a reading of the pipeline's slot. */
@FunctionalInterface
public interface SourceInspector {
  /** Never throws: an unreachable database is a report with a transient failure. */
  SourceReport inspect(PostgresTarget target, SourceSelection selection);
}
