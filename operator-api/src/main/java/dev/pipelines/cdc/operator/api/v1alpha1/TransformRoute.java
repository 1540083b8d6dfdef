package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.pipelines.cdc.config.names.StarRocksNames;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The StarRocks table a transform's tables are all written to. */
public record TransformRoute(
    @Required
        @Pattern(StarRocksNames.TABLE_NAME_PATTERN)
        @Size(max = StarRocksNames.MAX_TABLE_NAME)
        @JsonPropertyDescription("The StarRocks table, in the sink database: letters, digits and '_', starting with a"
            + " letter or '_'. The tables must make the same table of it (columns, types, key).")
        String targetTable,
    @Pattern(StarRocksNames.TABLE_NAME_PATTERN)
        @Size(max = StarRocksNames.MAX_COLUMN_NAME)
        @JsonPropertyDescription("A StarRocks column the job fills with each row's source table (schema.table) and"
            + " adds to the key, so rows of different tables with the same key never overwrite each other. Required"
            + " when the transform selects more than one table.")
        String sourceTableColumn) {}
