package dev.pipelines.cdc.job.sink;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.PipelineEndpoints;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import dev.pipelines.cdc.config.plan.StreamLoadHeaders;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.ddl.TargetColumn;
import dev.pipelines.cdc.job.ddl.TargetTable;
import com.starrocks.connector.flink.table.sink.SinkFunctionFactory;
import com.starrocks.connector.flink.table.sink.StarRocksSinkOptions;
import com.starrocks.connector.flink.table.sink.StarRocksSinkRowDataWithMeta;
import com.starrocks.data.load.stream.StreamLoadDataFormat;
import com.starrocks.data.load.stream.properties.StreamLoadTableProperties;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;

/** One flink-connector-starrocks sink writing every target table, with per-table Stream Load columns. */
public final class StarRocksSinkFactory {
  private StarRocksSinkFactory() {}

  public static SinkFunction<StarRocksSinkRowDataWithMeta> create(PipelineConfig config, Credentials credentials,
      List<TargetTable> tables) {
    return SinkFunctionFactory.createSinkFunction(options(config, credentials, tables));
  }

  static StarRocksSinkOptions options(PipelineConfig config, Credentials credentials, List<TargetTable> tables) {
    StarRocksSinkConfig sink = config.sink();
    PipelineEndpoints endpoints = PipelineEndpoints.of(config);
    StarRocksSinkOptions.Builder b = StarRocksSinkOptions.builder()
        // Rebuilt from the parsed FE address: the connector hands this URL to DriverManager as is
        // (StarRocksJdbcConnectionProvider), so it carries the forced options, LOCAL INFILE off.
        .withProperty("jdbc-url", StarRocksJdbc.url(endpoints.starRocksFrontend()))
        .withProperty("load-url", endpoints.starRocksLoadAddresses().stream().map(HostPort::authority)
            .collect(Collectors.joining(";")))
        .withProperty("username", credentials.sinkUser())
        .withProperty("password", credentials.sinkPassword())
        // The connector wants one table to validate against; rows name their own table.
        .withProperty("database-name", sink.database())
        .withProperty("table-name", tables.get(0).name())
        // Below the connector's 1 s minimum, checkpoints do the flushing (FlushPolicy).
        .withProperty("sink.buffer-flush.interval-ms",
            String.valueOf(FlushPolicy.connectorFlushMillis(sink.flushIntervalMillis())))
        // The legacy SinkFunction path: the unified-sink-API committer only logs a failed commit.
        .withProperty("sink.use.new-sink-api", "false");
    // The pipeline's own headers (the operator's validator refuses a spec that sets them).
    StreamLoadHeaders.FORMAT.forEach((key, value) -> b.withProperty("sink.properties." + key, value));
    if (sink.semantic() == DeliverySemantic.EXACTLY_ONCE) {
      b.withProperty("sink.semantic", "exactly-once");
      b.withProperty("sink.label-prefix", labelPrefix(config));
      // Deterministic labels (<prefix>-<table>-<subtask>-<n>) collide with an earlier run's labels,
      // and the connector's clean-up of lingering transactions only looks at one table of a
      // multi-table sink. Random labels never collide; a transaction left prepared by a failed
      // attempt is never committed (its rows are replayed from the checkpoint) and StarRocks
      // aborts it at its timeout. Restores still commit the labels recorded in the checkpoint.
      b.withProperty("sink.exactly-once.enable-label-gen", "false");
      b.withProperty("sink.exactly-once.enable-abort-lingering-txn", "false");
    } else {
      b.withProperty("sink.semantic", "at-least-once");
    }
    for (Map.Entry<String, String> p : sink.streamLoadProperties().entrySet()) {
      b.withProperty("sink.properties." + p.getKey(), p.getValue());
    }
    StarRocksSinkOptions options = b.build();
    for (TargetTable table : tables) {
      options.addTableProperties(StreamLoadTableProperties.builder()
          .database(table.database())
          .table(table.name())
          .streamLoadDataFormat(StreamLoadDataFormat.JSON)
          // Without it every HTTP chunk carries a single row (measured: one row per request).
          .chunkLimit(options.getChunkLimit())
          .enableUpsertDelete(true)
          .columns(columnsHeader(table))
          .addCommonProperties(options.getSinkStreamLoadProperties())
          .build());
    }
    return options;
  }

  /**
   * The Stream Load {@code columns} header: every target column plus {@code __op}, which StarRocks
   * documents as the way to carry upserts and deletes in one load.
   */
  static String columnsHeader(TargetTable table) {
    // Sent as StreamLoadHeaders.COLUMNS (the connector names the header itself).
    return table.columns().stream().map(TargetColumn::name).map(n -> "`" + n.replace("`", "") + "`")
        .collect(Collectors.joining(",")) + ",`__op`";
  }

  /** Exactly-once labels: one prefix per pipeline, valid as a StarRocks label (letters, digits, _ and -). */
  static String labelPrefix(PipelineConfig config) {
    return ("cdc_" + config.pipeline().namespace() + "_" + config.pipeline().name()).replaceAll("[^A-Za-z0-9_]", "_");
  }
}
