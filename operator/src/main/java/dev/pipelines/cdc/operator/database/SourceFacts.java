package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import java.util.List;
import java.util.Map;
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
 * @param rowEstimates PostgreSQL's row estimate of every capturable table
 * @param columnsBySource the column names of the selected tables, by {@code schema.table} (the shared
 *     planning rules check transforms and StarRocks column names on them)
 * @param filterErrors PostgreSQL's refusal of a transform's row filter, by {@code schema.table}
 */
public record SourceFacts(
    String walLevel,
    boolean replication,
    int maxReplicationSlots,
    int usedReplicationSlots,
    SourceCatalog catalog,
    Optional<SlotReading> slot,
    Optional<String> slotReadError,
    RowEstimates rowEstimates,
    Map<String, List<String>> columnsBySource,
    Map<String, String> filterErrors) {

  public SourceFacts {
    columnsBySource = Map.copyOf(columnsBySource);
    filterErrors = Map.copyOf(filterErrors);
  }

  /** Without columns (none read). */
  public SourceFacts(String walLevel, boolean replication, int maxReplicationSlots, int usedReplicationSlots,
      SourceCatalog catalog, Optional<SlotReading> slot, Optional<String> slotReadError, RowEstimates rowEstimates) {
    this(walLevel, replication, maxReplicationSlots, usedReplicationSlots, catalog, slot, slotReadError, rowEstimates,
        Map.of(), Map.of());
  }

  /** Without row estimates and columns (none known). */
  public SourceFacts(String walLevel, boolean replication, int maxReplicationSlots, int usedReplicationSlots,
      SourceCatalog catalog, Optional<SlotReading> slot, Optional<String> slotReadError) {
    this(walLevel, replication, maxReplicationSlots, usedReplicationSlots, catalog, slot, slotReadError,
        new RowEstimates(Map.of()));
  }
}
