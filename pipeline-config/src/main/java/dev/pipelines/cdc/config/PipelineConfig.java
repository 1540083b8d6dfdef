package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

import dev.pipelines.cdc.config.transform.TableTransform;
import java.util.List;

/**
 * Everything the Flink job needs to know about one pipeline, as written by the operator into a
 * ConfigMap and mounted into the job's pods. Credentials are deliberately absent: they reach the
 * job as environment variables (see {@link CredentialEnvVars}).
 *
 * @param configVersion the contract version; the job refuses versions it does not know
 * @param pipeline namespace and name of the CdcPipeline, for logs and metrics
 * @param source where changes come from
 * @param sink where changes go
 * @param transforms what happens to the tables on the way (version 2; none in version 1)
 */
public record PipelineConfig(
    int configVersion, PipelineId pipeline, PostgresSourceConfig source, StarRocksSinkConfig sink,
    List<TableTransform> transforms) {

  /**
   * The version this build writes. Bump it on any change an older job must not ignore: version 2 added
   * {@code transforms}, which a version-1 job would skip (writing excluded columns) since it ignores
   * unknown fields.
   */
  public static final int CURRENT_VERSION = 2;
  /** The oldest version this build reads (a version-1 config is one without transforms). */
  public static final int OLDEST_READ_VERSION = 1;

  public PipelineConfig {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(source, "source");
    requireNonNull(sink, "sink");
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
  }

  /** A config of the current version. */
  public static PipelineConfig of(
      PipelineId pipeline, PostgresSourceConfig source, StarRocksSinkConfig sink, List<TableTransform> transforms) {
    return new PipelineConfig(CURRENT_VERSION, pipeline, source, sink, transforms);
  }

  /** A config of the current version, without transforms. */
  public static PipelineConfig of(PipelineId pipeline, PostgresSourceConfig source, StarRocksSinkConfig sink) {
    return of(pipeline, source, sink, List.of());
  }
}
