package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * What a user asks for: where changes come from, where they go, and how the Flink job runs.
 * Defaults are applied in the records' constructors, so the operator behaves the same whether or
 * not the API server has already filled them in.
 */
public record CdcPipelineSpec(
    @Required @JsonPropertyDescription("Where changes are captured from.") SourceSpec source,
    @Required @JsonPropertyDescription("Where changes are written to.") SinkSpec sink,
    @JsonPropertyDescription("How the Flink job runs. All fields have defaults.") JobSpec job,
    @JsonPropertyDescription("What happens to tables on their way to StarRocks: which columns are written, and"
        + " under which names. Each entry selects captured tables by name or pattern; a table takes one entry.")
        List<Transform> transforms) {

  public CdcPipelineSpec {
    job = job == null ? JobSpec.defaults() : job;
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
  }

  /** A spec without transforms. */
  public CdcPipelineSpec(SourceSpec source, SinkSpec sink, JobSpec job) {
    this(source, sink, job, List.of());
  }
}
