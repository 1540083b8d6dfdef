package dev.pipelines.cdc.operator.database;

/**
 * One row of {@code pg_replication_slots} for the pipeline's slot.
 *
 * @param confirmedFlushLsn null until a consumer has confirmed a position
 * @param retainedWalBytes {@code pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)}
 * @param lagBytes {@code pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)}
 */
public record SlotReading(boolean active, String confirmedFlushLsn, Long retainedWalBytes, Long lagBytes) {}
