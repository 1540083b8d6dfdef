package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** CPU, memory and task slots of each TaskManager. */
public record TaskManagerResources(
    @Min(0.1) @JsonPropertyDescription("CPU cores per TaskManager. Default: 1.") Double cpu,
    @Pattern(Patterns.MEMORY) @JsonPropertyDescription("Process memory per TaskManager. Default: 2048m.")
        String memory,
    @Min(1) @JsonPropertyDescription("Task slots per TaskManager. Default: 1.") Integer taskSlots) {

  public static final TaskManagerResources DEFAULT = new TaskManagerResources(null, null, null);

  public TaskManagerResources {
    cpu = cpu == null ? 1.0 : cpu;
    memory = memory == null ? "2048m" : memory;
    taskSlots = taskSlots == null ? 1 : taskSlots;
  }
}
