package dev.pipelines.cdc.job.snapshot;

/**
 * How big one relation to snapshot is, measured after the slot's consistent point.
 *
 * @param table the captured table its rows are emitted as ({@code schema.table})
 * @param relation the relation to read, quoted ({@code "s"."t"}): the table, or one leaf partition of it
 * @param blocks its size in blocks ({@code pg_relation_size / block_size}), exact when measured
 * @param estimatedRows {@code pg_class.reltuples}: negative or 0 when never vacuumed or analyzed
 */
public record RelationSize(String table, String relation, long blocks, double estimatedRows) {}
