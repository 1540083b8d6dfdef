package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.pipelines.cdc.config.names.StarRocksNames;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Sends one source table to a target table of another name. */
public record TableRoute(
    // The bound is what lets a real API server accept StarRocksSink's uniqueness rule: without it, CEL
    // estimates each string as long as a whole request and refuses the CRD (cost budget exceeded).
    // Two PostgreSQL identifiers of at most 63 bytes and the dot.
    @Required
        @Size(max = 127)
        @JsonPropertyDescription("Schema-qualified source table, e.g. public.orders.")
        String sourceTable,
    @Required
        @Pattern(StarRocksNames.TABLE_NAME_PATTERN)
        @Size(max = StarRocksNames.MAX_TABLE_NAME)
        @JsonPropertyDescription("Target table name in the sink database: letters, digits and '_', starting with a"
            + " letter or '_', at most 1024 characters (StarRocks' documented rule). Two tables may not share one.")
        String targetTable) {}
