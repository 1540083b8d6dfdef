package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.plan.SourceCatalog;
import java.util.Optional;

/**
 * What the operator read from the source database in one preflight: the input of the pure
 * {@link SourceVerdict}.
 *
 * @param walLevel the server's {@code wal_level}
 * @param replication the user has the REPLICATION attribute
 * @param maxReplicationSlots the server's {@code max_replication_slots}
 * @param usedReplicationSlots slots that exist now, of any kind and database
 * @param catalog tables, publication and user: the description the shared planning rules read
 *     (the job reads the same with the same queries)
 * @param slot the pipeline's slot, if it exists
 * @param slotReadError why {@code pg_replication_slots} could not be read, if it could not
 */
public record SourceFacts(
    String walLevel,
    boolean replication,
    int maxReplicationSlots,
    int usedReplicationSlots,
    SourceCatalog catalog,
    Optional<SlotReading> slot,
    Optional<String> slotReadError) {}
