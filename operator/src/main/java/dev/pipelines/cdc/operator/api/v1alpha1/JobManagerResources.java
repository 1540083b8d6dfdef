package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory of the JobManager. */
public record JobManagerResources(
    @Min(0.1) @JsonPropertyDescription("CPU cores. Default: 0.5.") Double cpu,
    @Pattern(Patterns.MEMORY) @JsonPropertyDescription("Process memory, e.g. 1024m or 2g. Default: 1024m.")
        String memory) {

  public static final JobManagerResources DEFAULT = new JobManagerResources(null, null);

  public JobManagerResources {
    cpu = cpu == null ? 0.5 : cpu;
    memory = memory == null ? "1024m" : memory;
  }
}
