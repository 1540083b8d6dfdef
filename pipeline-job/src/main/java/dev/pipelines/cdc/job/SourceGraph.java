package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.reconcile.SnapshotMarkers;
import dev.pipelines.cdc.job.reconcile.SnapshotStreamReconciler;
import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.PostgresSourceFactory;
import dev.pipelines.cdc.job.source.PublicationMode;
import dev.pipelines.cdc.job.source.TableShape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The read side of the graph: the snapshot and the stream side by side, met by key in the
 * reconciler. Its output holds every key's rows in one partition, in order (the reconciler is
 * keyed by the routing key, and what follows it is chained), so a later change of a row never
 * overtakes an earlier one on the way to StarRocks.
 */
public final class SourceGraph {
  private SourceGraph() {}

  /**
   * @param starRocksTableBySource each captured table's StarRocks table, for the TRUNCATE stop
   * @param encoders how the snapshot turns each table's COPY rows into rows for StarRocks
   */
  public static DataStream<ChangeRow> read(StreamExecutionEnvironment env, PostgresSourceConfig pg,
      Credentials credentials, List<SourceTable> tables, Map<String, TableShape> shapes,
      Map<String, String> starRocksTableBySource, PublicationMode publicationMode, SnapshotEncoders encoders) {
    DataStreamSource<ChangeRow> stream = env.fromSource(PostgresSourceFactory.stream(pg, credentials, tables, shapes,
            starRocksTableBySource, publicationMode, env.getCheckpointConfig().getCheckpointInterval()), WatermarkStrategy.noWatermarks(), "postgres-stream",
        TypeInformation.of(ChangeRow.class));
    if (pg.startupMode() != StartupMode.INITIAL) {
      return stream.uid(PostgresSourceFactory.STREAM_ONLY_UID).keyBy(ChangeRow::routingKey);
    }
    stream.uid(PostgresSourceFactory.STREAM_UID);
    DataStream<ChangeRow> snapshot = env.fromSource(PostgresSourceFactory.snapshot(pg, credentials, tables,
            publicationMode, encoders), WatermarkStrategy.noWatermarks(), "postgres-snapshot",
        TypeInformation.of(ChangeRow.class)).uid(PostgresSourceFactory.SNAPSHOT_UID);
    DataStream<ChangeRow> markers = snapshot.filter(SnapshotMarkers::isMarker)
        .uid("snapshot-markers").name("snapshot-markers");
    DataStream<ChangeRow> snapshotRows = snapshot.filter(SnapshotMarkers::isRow)
        .uid("snapshot-rows").name("snapshot-rows");
    Set<String> captured = tables.stream().map(SourceTable::qualifiedName).collect(Collectors.toSet());
    return snapshotRows.union(stream)
        .keyBy(ChangeRow::routingKey)
        .connect(markers.broadcast(SnapshotStreamReconciler.MARKERS))
        .process(new SnapshotStreamReconciler(captured), TypeInformation.of(ChangeRow.class))
        .uid("snapshot-stream-reconciler").name("snapshot-stream-reconciler");
  }
}
