package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory of the JobManager. */
public record JobManagerResources(
    @Default(DEFAULT_CPU) @Min(0.1) @JsonPropertyDescription("CPU cores. Default: " + DEFAULT_CPU + ".") Double cpu,
    @Default(DEFAULT_MEMORY)
        @Pattern(Patterns.MEMORY)
        @JsonPropertyDescription("Process memory, e.g. 1024m or 2g. Default: " + DEFAULT_MEMORY + ".")
        String memory) {

  // One String constant per default (see JobSpec): @Default, the descriptions and the constructor.
  public static final String DEFAULT_CPU = "0.5";
  public static final String DEFAULT_MEMORY = "1024m";

  public static final JobManagerResources DEFAULT = new JobManagerResources(null, null);

  public JobManagerResources {
    cpu = cpu == null ? Double.valueOf(DEFAULT_CPU) : cpu;
    memory = memory == null ? DEFAULT_MEMORY : memory;
  }
}
