package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A Kubernetes-style condition (metav1.Condition). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    @Required @JsonPropertyDescription("Condition type, e.g. Ready.") String type,
    @Required @JsonPropertyDescription("True, False or Unknown.") String status,
    @JsonPropertyDescription("The metadata.generation the condition was set from.") Long observedGeneration,
    @JsonPropertyDescription("When status last changed (RFC 3339).") String lastTransitionTime,
    @Required @JsonPropertyDescription("Machine-readable reason, in CamelCase.") String reason,
    @JsonPropertyDescription("Human-readable details.") String message) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  @JsonIgnore
  public boolean isTrue() {
    return TRUE.equals(status);
  }
}
