package dev.pipelines.cdc.config.plan;

/**
 * One column of a source table, as {@link CatalogQuery#COLUMNS} reads it.
 *
 * @param name column name
 * @param type PostgreSQL's own rendering of the type ({@code format_type}), e.g. {@code numeric(12,4)};
 *     a domain is its base type
 * @param enumType the type is an enum
 * @param nullable the column accepts NULL
 */
public record CatalogColumn(String name, String type, boolean enumType, boolean nullable) {}
