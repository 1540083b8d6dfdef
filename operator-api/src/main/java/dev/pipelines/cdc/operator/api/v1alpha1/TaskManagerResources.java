package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** CPU, memory and task slots of each TaskManager. */
public record TaskManagerResources(
    @Default(DEFAULT_CPU)
        @Min(0.1)
        @JsonPropertyDescription("CPU cores per TaskManager. Default: " + DEFAULT_CPU + ".")
        Double cpu,
    @Default(DEFAULT_MEMORY)
        @Pattern(Patterns.MEMORY)
        @JsonPropertyDescription("Process memory per TaskManager. Default: " + DEFAULT_MEMORY + ".")
        String memory,
    @Default(DEFAULT_TASK_SLOTS)
        @Min(1)
        @JsonPropertyDescription("Task slots per TaskManager. Default: " + DEFAULT_TASK_SLOTS + ".")
        Integer taskSlots) {

  // One String constant per default (see JobSpec): @Default, the descriptions and the constructor.
  public static final String DEFAULT_CPU = "1";
  public static final String DEFAULT_MEMORY = "2048m";
  public static final String DEFAULT_TASK_SLOTS = "1";

  public static final TaskManagerResources DEFAULT = new TaskManagerResources(null, null, null);

  public TaskManagerResources {
    cpu = cpu == null ? Double.valueOf(DEFAULT_CPU) : cpu;
    memory = memory == null ? DEFAULT_MEMORY : memory;
    taskSlots = taskSlots == null ? Integer.valueOf(DEFAULT_TASK_SLOTS) : taskSlots;
  }
}
