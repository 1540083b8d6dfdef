package dev.pipelines.cdc.testsupport;

/** One row of {@code pg_replication_slots}; {@code confirmedFlushLsn} is null until a consumer confirms. */
public record ReplicationSlot(String name, String plugin, String type, String database, boolean active,
                              String confirmedFlushLsn) {
}
