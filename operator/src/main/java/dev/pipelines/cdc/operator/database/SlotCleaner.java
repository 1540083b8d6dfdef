package dev.pipelines.cdc.operator.database;

/** Drops a deleted pipeline's replication slot and publication. */
@FunctionalInterface
public interface SlotCleaner {
  /** Never throws: failures are outcomes that say whether to retry. */
  CleanupOutcome drop(PostgresTarget target, String slotName, String publicationName);
}
