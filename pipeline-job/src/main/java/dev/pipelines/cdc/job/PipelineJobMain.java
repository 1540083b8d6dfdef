package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.endpoint.PipelineEndpoints;
import dev.pipelines.cdc.config.RestartPolicy;
import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.TableTransforms;
import dev.pipelines.cdc.job.catalog.PostgresCatalog;
import dev.pipelines.cdc.job.ddl.StarRocksSchemaSync;
import dev.pipelines.cdc.job.snapshot.PublicationSetup;
import dev.pipelines.cdc.job.snapshot.SlotCheck;
import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point named in the FlinkDeployment (and the local runner): read the config, plan against
 * the live Postgres catalog, prepare StarRocks, then run the graph.
 */
public final class PipelineJobMain {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJobMain.class);
  /** Used only where the cluster configures no checkpointing (local runs): the slot must advance. */
  static final Duration FALLBACK_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

  private PipelineJobMain() {}

  public static void main(String[] args) throws Exception {
    PipelineConfig config = PipelineConfigCodec.read(JobArguments.parse(args).configFile());
    Credentials credentials = Credentials.fromEnv(System.getenv());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    prepare(env, config, credentials);
    env.execute("cdc-pipeline " + config.pipeline());
  }

  /** Plans, prepares StarRocks and builds the graph on {@code env}; does not execute it. */
  public static PipelinePlan prepare(StreamExecutionEnvironment env, PipelineConfig config, Credentials credentials)
      throws Exception {
    return prepare(env, config, credentials, SnapshotEncoding::of);
  }

  /** As above, with the snapshot's row encoding chosen by {@code encoding} (tests). */
  public static PipelinePlan prepare(StreamExecutionEnvironment env, PipelineConfig config, Credentials credentials,
      java.util.function.Function<PipelinePlan, SnapshotEncoders> encoding) throws Exception {
    // Re-checks every address of the config before any connection: the operator validated them,
    // but this file is what the job trusts, so it checks it too (and builds connections from it).
    PipelineEndpoints endpoints = PipelineEndpoints.of(config);
    PipelinePlan plan = plan(config, endpoints, credentials);
    LOG.info("pipeline {}: capturing {} into StarRocks {}", config.pipeline(), plan.sourceNames(),
        plan.targetNameBySource().values());
    try (Connection sr = JobConnections.starRocks(endpoints.starRocksFrontend(), credentials)) {
      new StarRocksSchemaSync(sr).apply(plan.targetTables(), config.sink().createTables());
    }
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      long interval = FlushPolicy.checkpointMillis(FALLBACK_CHECKPOINT_INTERVAL.toMillis(), config.sink().semantic(),
          config.sink().flushIntervalMillis());
      LOG.warn("no checkpoint interval configured; using {} ms so the replication slot advances", interval);
      env.enableCheckpointing(interval);
    }
    configureExecution(env);
    useRestartPolicyIfNoneConfigured(env);
    PipelineGraph.build(env, config, credentials, plan, encoding.apply(plan));
    return plan;
  }

  /** What the graph's correctness and cost depend on, whatever the cluster configures. */
  static void configureExecution(StreamExecutionEnvironment env) {
    // Aligned checkpoints only: a table's snapshot is "done" (and the reconciler forgets which of its
    // keys the stream changed) once a checkpoint taken after its last snapshot row completes. Only an
    // aligned checkpoint proves the reconciler processed every row before the barrier; with unaligned
    // ones a snapshot row could still be in flight (in the checkpoint's channel state) and, arriving
    // after the marks were cleared, overwrite a newer streamed row.
    env.getCheckpointConfig().enableUnalignedCheckpoints(false);
    // Object reuse stays off: it took 14 % off the snapshot's CPU (Flink copies every row between
    // chained operators without it), but with it an exactly-once TaskManager kill mid-snapshot showed a
    // streamed DELETE visible twice in 2 of 2 runs of flink-cluster-tests (none in 5 runs without it).
    // Not understood yet; docs/performance.md.
    env.getConfig().disableObjectReuse();
  }

  /**
   * Where the cluster names no restart strategy (local runs; the operator always sets one), the
   * pipeline's {@link RestartPolicy}: retry faults with growing delays. Faults that retrying cannot
   * fix never restart whatever the strategy (they throw {@code SuppressRestartsException}).
   */
  static void useRestartPolicyIfNoneConfigured(StreamExecutionEnvironment env) {
    if (env.getConfiguration().getOptional(RestartStrategyOptions.RESTART_STRATEGY).isPresent()) {
      return;
    }
    LOG.info("no restart strategy configured; using {}", RestartPolicy.flinkConfiguration());
    env.configure(Configuration.fromMap(RestartPolicy.flinkConfiguration()), PipelineJobMain.class.getClassLoader());
  }

  /** PostgreSQL's own verdict on each transform's row filter, over each table it filters (the preflight asks too). */
  private static Map<String, String> filterErrors(Connection pg, PipelineConfig config, SourceCatalog catalog,
      List<CatalogTable> selected) throws java.sql.SQLException {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Map.Entry<CatalogTable, String> f : TableTransforms.filters(config.transforms(), selected).entrySet()) {
      CatalogQuery.filterProblem(pg, f.getKey(), f.getValue()).ifPresent(e -> errors.put(f.getKey().qualifiedName(), e));
    }
    return errors;
  }

  static PipelinePlan plan(PipelineConfig config, PipelineEndpoints endpoints, Credentials credentials)
      throws Exception {
    try (Connection pg = JobConnections.postgres(endpoints.postgres(), endpoints.postgresDatabase(), credentials)) {
      PostgresCatalog catalog = new PostgresCatalog(pg);
      SourceCatalog described = catalog.describe(config.source().publicationName());
      SlotCheck.atSubmission(pg, config.source().slotName(), described.database());
      List<CatalogTable> selected = PipelinePlan.selected(config, described);
      PipelinePlan plan = PipelinePlan.of(config, described, catalog.tables(selected),
          filterErrors(pg, config, described, selected));
      if (PublicationSetup.usesColumnLists(plan.sources())) {
        // The stream leaves such a publication alone (see PublicationSetup): create or extend it here, at
        // every start and in every startup mode, before any source runs (and so before the slot exists).
        PublicationSetup.ensure(pg, config.source().publicationName(), plan.publicationMode(),
            PublicationSetup.names(plan.sources()));
      }
      if (plan.publicationManaged()) {
        // Also where no transform filters any more: an entry with a row filter or column list it should not
        // have is made whole again.
        PublicationSetup.keepEntries(pg, config.source().publicationName(), PublicationSetup.names(plan.sources()));
      }
      return plan;
    }
  }
}
