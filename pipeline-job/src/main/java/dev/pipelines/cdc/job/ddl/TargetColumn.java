package dev.pipelines.cdc.job.ddl;

/**
 * A StarRocks column.
 *
 * @param name column name
 * @param type StarRocks type, e.g. {@code DECIMAL(12,4)}
 * @param nullable whether NULL is allowed
 */
public record TargetColumn(String name, String type, boolean nullable) {}
