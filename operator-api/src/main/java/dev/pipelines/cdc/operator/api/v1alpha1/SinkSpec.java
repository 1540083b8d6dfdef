package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The destination of changes. Only StarRocks is supported. */
public record SinkSpec(
    @Required @JsonPropertyDescription("A StarRocks cluster written through Stream Load into primary-key tables.")
        StarRocksSink starrocks) {}
