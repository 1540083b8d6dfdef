package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * What a user asks for: where changes come from, where they go, and how the Flink job runs.
 * Defaults are applied in the records' constructors, so the operator behaves the same whether or
 * not the API server has already filled them in.
 */
public record CdcPipelineSpec(
    @Required @JsonPropertyDescription("Where changes are captured from.") SourceSpec source,
    @Required @JsonPropertyDescription("Where changes are written to.") SinkSpec sink,
    @JsonPropertyDescription("How the Flink job runs. All fields have defaults.") JobSpec job) {

  public CdcPipelineSpec {
    job = job == null ? JobSpec.defaults() : job;
  }
}
