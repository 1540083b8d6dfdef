package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

/**
 * Everything the Flink job needs to know about one pipeline, as written by the operator into a
 * ConfigMap and mounted into the job's pods. Credentials are deliberately absent: they reach the
 * job as environment variables (see {@link CredentialEnvVars}).
 *
 * @param configVersion the contract version; the job refuses versions it does not know
 * @param pipeline namespace and name of the CdcPipeline, for logs and metrics
 * @param source where changes come from
 * @param sink where changes go
 */
public record PipelineConfig(
    int configVersion, PipelineId pipeline, PostgresSourceConfig source, StarRocksSinkConfig sink) {

  /** The version this build writes and reads. Bump it on any incompatible change. */
  public static final int CURRENT_VERSION = 1;

  public PipelineConfig {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(source, "source");
    requireNonNull(sink, "sink");
  }

  /** A config of the current version. */
  public static PipelineConfig of(
      PipelineId pipeline, PostgresSourceConfig source, StarRocksSinkConfig sink) {
    return new PipelineConfig(CURRENT_VERSION, pipeline, source, sink);
  }
}
