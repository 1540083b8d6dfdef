package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.job.sink.RejectionStoppingSink;
import dev.pipelines.cdc.job.sink.StarRocksSinkFactory;
import dev.pipelines.cdc.job.sink.ToStarRocksRow;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.toast.UnchangedValueResolver;
import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job graph, stage by stage. Every operator has a fixed uid so savepoints restore into a
 * changed job.
 */
public final class PipelineGraph {
  private PipelineGraph() {}

  /** Each captured table's StarRocks table, {@code db.table}: a TRUNCATE's stop names both. */
  static Map<String, String> starRocksTableBySource(PipelinePlan plan) {
    Map<String, String> names = new TreeMap<>();
    plan.targets().forEach((source, target) -> names.put(source, target.qualifiedName()));
    return names;
  }

  /**
   * @param encoders how the snapshot turns each table's COPY rows into rows for StarRocks
   */
  public static void build(StreamExecutionEnvironment env, PipelineConfig config, Credentials credentials,
      PipelinePlan plan, SnapshotEncoders encoders) {
    // 1. Read: the snapshot and the replication stream side by side, met by key in the reconciler,
    // 2. which keeps every change of a row in one partition, in commit order, so a snapshot row
    //    buffered in one writer can never overtake a later update in another.
    DataStream<ChangeRow> changes = SourceGraph.read(env, config.source(), credentials, plan.sources(), plan.shapes(),
        starRocksTableBySource(plan), plan.publicationMode(), encoders);

    changes
        // 3. Fill in large values an UPDATE left unchanged (and so did not send).
        .map(new UnchangedValueResolver(config.source(), credentials, plan.sourcesByName()))
        .uid("unchanged-value-resolver").name("unchanged-value-resolver")
        // 4. Name the target table.
        .map(new ToStarRocksRow(config.sink().database(), plan.targetNameBySource(), plan.sourceTableColumnBySource()))
        .uid("to-starrocks-row").name("to-starrocks-row")
        // 5. Write: Stream Load into primary-key tables (__op 0 upsert, 1 delete).
        //    A row StarRocks refuses stops the job once; other load failures restart it with backoff.
        .addSink(RejectionStoppingSink.around(StarRocksSinkFactory.create(config, credentials, plan.targetTables()),
            plan.targetTables(), plan.targetNameBySource(), config.sink().semantic()))
        .uid("starrocks-sink").name("starrocks-sink");
  }
}
