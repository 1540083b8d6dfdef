package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Sends one source table to a target table of another name. */
public record TableRoute(
    @Required
        @JsonPropertyDescription("Schema-qualified source table, e.g. public.orders.")
        String sourceTable,
    @Required
        @Pattern(Patterns.STARROCKS_NAME)
        @JsonPropertyDescription("Target table name in the sink database.")
        String targetTable) {}
