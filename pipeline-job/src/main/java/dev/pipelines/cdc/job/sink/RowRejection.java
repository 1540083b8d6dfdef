package dev.pipelines.cdc.job.sink;

/**
 * What StarRocks said about a row it refused, as far as its answer tells.
 *
 * @param table the StarRocks table ({@code db.table}) the load was for
 * @param column the column the error names, or null when it names none
 * @param key the refused row's key ({@code id=42}), or null when the error log shows no row
 * @param reason StarRocks' words: the load's message and the error log's first line (or where to find it)
 */
public record RowRejection(String table, String column, String key, String reason) {}
