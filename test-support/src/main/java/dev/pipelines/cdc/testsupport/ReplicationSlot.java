package dev.pipelines.cdc.testsupport;

/**
 * One row of {@code pg_replication_slots}.
 *
 * @param confirmedFlushLsn null until a consumer confirms a position
 * @param retainedWalBytes  WAL the slot keeps from being recycled (current LSN minus restart_lsn): a
 *                          slot nobody advances makes this grow
 */
public record ReplicationSlot(String name, String plugin, String type, String database, boolean active,
                              String confirmedFlushLsn, long retainedWalBytes) {
}
