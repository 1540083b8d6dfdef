package dev.pipelines.cdc.job.catalog;

import java.io.Serializable;

/**
 * One column of a captured Postgres table, as the catalog describes it.
 *
 * @param name column name
 * @param type Postgres' own rendering of the type ({@code format_type}), e.g. {@code numeric(12,4)},
 *     {@code character varying(32)}, {@code integer[]}; domains are resolved to their base type
 * @param enumType the type is a Postgres enum
 * @param nullable the column accepts NULL
 */
public record SourceColumn(String name, String type, boolean enumType, boolean nullable) implements Serializable {}
