package dev.pipelines.cdc.flinkcluster;

import static dev.pipelines.cdc.operator.testkit.TestPipelines.with;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.testsupport.PostgresServer;

/**
 * The test kit's minimal pipeline (as a user writes it) pointed at this test's Postgres tables and
 * emulator, with the delivery semantic under test and parallelism 2, so that both TaskManagers (one
 * slot each, the generated default) run a share of the job. Everything else keeps the spec's defaults.
 */
final class ClusterPipeline {
  static final int PARALLELISM = 2;

  private ClusterPipeline() {}

  static CdcPipeline of(SourceTables tables, PostgresServer pg, StarRocksEmulator sr, DeliverySemantic semantic) {
    CdcPipeline p = TestPipelines.minimal();
    p = with(p, "metadata.name", tables.schema().replace('_', '-'));
    p = with(p, "spec.source.postgres.host", pg.host());
    p = with(p, "spec.source.postgres.port", pg.port());
    p = with(p, "spec.source.postgres.database", PostgresServer.DATABASE);
    p = with(p, "spec.source.postgres.tables", tables.qualifiedNames());
    p = with(p, "spec.source.postgres.slotName", tables.slot());
    p = with(p, "spec.source.postgres.publicationName", tables.publication());
    p = with(p, "spec.sink.starrocks.jdbcUrl", sr.jdbcUrl());
    p = with(p, "spec.sink.starrocks.loadUrls", java.util.List.of(sr.loadUrl()));
    p = with(p, "spec.sink.starrocks.database", tables.schema());
    p = with(p, "spec.sink.starrocks.semantic", semantic);
    p = with(p, "spec.job.parallelism", PARALLELISM);
    return p;
  }
}
