package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The source of changes. Only PostgreSQL is supported. */
public record SourceSpec(
    @Required @JsonPropertyDescription("A PostgreSQL database read through logical replication (pgoutput).")
        PostgresSource postgres) {}
