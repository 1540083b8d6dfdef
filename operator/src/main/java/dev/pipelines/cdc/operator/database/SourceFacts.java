package dev.pipelines.cdc.operator.database;

import java.util.List;
import java.util.Optional;

/**
 * What the operator read from the source database in one preflight: the input of the pure
 * {@link SourceVerdict}.
 *
 * @param walLevel the server's {@code wal_level}
 * @param replication the user has the REPLICATION attribute
 * @param superuser the user is a superuser (which implies replication)
 * @param maxReplicationSlots the server's {@code max_replication_slots}
 * @param usedReplicationSlots slots that exist now, of any kind and database
 * @param canCreateInDatabase the user has CREATE on the database (needed to create a publication)
 * @param tables every user table visible in the database
 * @param publication the pipeline's publication, if it exists
 * @param slot the pipeline's slot, if it exists
 * @param slotReadError why {@code pg_replication_slots} could not be read, if it could not
 */
public record SourceFacts(
    String walLevel,
    boolean replication,
    boolean superuser,
    int maxReplicationSlots,
    int usedReplicationSlots,
    boolean canCreateInDatabase,
    List<CatalogTable> tables,
    Optional<PublicationFacts> publication,
    Optional<SlotReading> slot,
    Optional<String> slotReadError) {

  public SourceFacts {
    tables = List.copyOf(tables);
  }
}
