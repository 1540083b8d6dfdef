package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.api.v1alpha1.StarRocksSink;
import dev.pipelines.cdc.operator.naming.Names;
import dev.pipelines.cdc.operator.spec.Durations;
import dev.pipelines.cdc.operator.spec.Transforms;

/** CdcPipeline → the job's {@link PipelineConfig}. Pure; credentials are not part of it. */
public final class PipelineConfigFactory {
  private PipelineConfigFactory() {}

  public static PipelineConfig from(CdcPipeline pipeline) {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    StarRocksSink sr = pipeline.getSpec().sink().starrocks();
    return PipelineConfig.of(
        new PipelineId(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName()),
        new PostgresSourceConfig(
            pg.host(),
            pg.port(),
            pg.database(),
            pg.tables(),
            pg.excludeTables(),
            Names.slot(pipeline),
            Names.publication(pipeline),
            pg.startupMode(),
            pg.snapshotChunkSize()),
        new StarRocksSinkConfig(
            // Rewritten from the parsed host and port: what the job reads is exactly what was validated.
            Endpoints.JDBC_MYSQL_PREFIX + Endpoints.starRocksFrontend(sr.jdbcUrl()).authority(),
            sr.loadUrls(),
            sr.database(),
            sr.routes().stream().map(r -> new TableRoute(r.sourceTable(), r.targetTable())).toList(),
            sr.createTables(),
            sr.semantic(),
            Durations.of(sr.flushInterval()).toMillis(),
            sr.properties()),
        Transforms.of(pipeline.getSpec().transforms()));
  }
}
