package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.List;

/** What the operator observed, as of {@code observedGeneration}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdcPipelineStatus(
    @JsonPropertyDescription("The metadata.generation this status describes.") Long observedGeneration,
    @PrinterColumn(name = "Phase")
        @JsonPropertyDescription(
            "Summary for people: Pending, Deploying, Running, Suspended, Failed or Invalid."
                + " Automation should read conditions instead.")
        Phase phase,
    @JsonPropertyDescription("Ready, SpecValid, CredentialsReady, SourceReady, SinkReady, JobRunning, SourceWarnings,"
            + " SlotLagging and (while deleting) Cleanup, with reasons.")
        List<Condition> conditions,
    @JsonPropertyDescription("Name of the FlinkDeployment that runs this pipeline.") String flinkDeployment,
    @PrinterColumn(name = "Job")
        @JsonPropertyDescription("Flink job state as reported by the Flink operator, e.g. RUNNING.")
        String jobState,
    @JsonPropertyDescription("The FlinkDeployment's lifecycle state, e.g. STABLE, DEPLOYED, FAILED.")
        String lifecycleState,
    @JsonPropertyDescription("The most recent error, from validation, credentials, preflight checks or Flink.")
        String lastError,
    @JsonPropertyDescription("The replication slot in the source database: names, activity, retained WAL and lag.")
        SourceStatus source,
    @JsonPropertyDescription("The initial snapshot's progress: phase, tables and rows done, percent.")
        SnapshotStatus snapshot) {

  public CdcPipelineStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
