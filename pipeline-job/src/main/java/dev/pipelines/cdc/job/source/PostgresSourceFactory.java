package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.snapshot.PublicationSetup;
import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;
import dev.pipelines.cdc.job.snapshot.SnapshotSettings;
import dev.pipelines.cdc.job.snapshot.SnapshotSource;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import dev.pipelines.cdc.config.endpoint.Endpoints;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;

/**
 * The Postgres sources of every captured table, which run side by side: our own snapshot
 * ({@link SnapshotSource}: the slot created with an exported snapshot, tables read with COPY in
 * block ranges) and flink-cdc's incremental source in stream-only mode from the slot's confirmed
 * position, which is the snapshot's consistent point, started once the slot exists
 * ({@link SlotGatedSource}). The reconciler after them ({@code job.reconcile}) keeps a snapshot row
 * from overwriting a newer streamed one.
 *
 * <p>With {@code startupMode: latest} there is no snapshot: the stream alone, from the newest position.
 */
public final class PostgresSourceFactory {
  /**
   * Debezium waits this long when its queue is empty. Its default (500 ms) was measured to make the
   * snapshot 3-4x slower and add ~300 ms to every change's latency; 10 ms costs little CPU.
   */
  static final String POLL_INTERVAL_MS = "10";

  /**
   * Positions committed to the slot lag completed checkpoints by one: the slot confirms a checkpoint's
   * position only once the next one completed, so a restore from either of the two newest streams on
   * with nothing skipped (a failover restores the newest; a savepoint taken to stop the job is the
   * newest). The cost: up to two checkpoint intervals of WAL kept beyond the newest checkpoint's
   * position (the DataStream builder's default is 0: the slot moved to the newest checkpoint).
   */
  static final int LSN_COMMIT_CHECKPOINTS_DELAY = 1;

  /**
   * Debezium's heartbeat, which carries its offset into the checkpointed stream split while nothing
   * captured arrives. Not shortened to our heartbeat's interval: its offset is taken after a COMMIT, and
   * Debezium 1.9.8 resumes such an offset by filtering a change at the commit record's end, the first
   * change of a transaction written right behind it (see Known issues); at 200 ms two test runs here lost such
   * a change (one row each), at the former 10 s no run showed it.
   */
  static final java.time.Duration DEBEZIUM_HEARTBEAT_INTERVAL = java.time.Duration.ofSeconds(10);

  /** The snapshot source's uid (its state is not the former HybridSource's: no checkpoint of that restores here). */
  public static final String SNAPSHOT_UID = "postgres-snapshot";
  /** The stream source's uid beside the snapshot. */
  public static final String STREAM_UID = "postgres-stream";
  /** The stream-only source's uid (startupMode latest), unchanged so its checkpoints keep restoring. */
  public static final String STREAM_ONLY_UID = "postgres-cdc-source";

  private PostgresSourceFactory() {}

  /**
   * The snapshot (unbounded: it stays alive, idle, after its splits; see {@link SnapshotSource}).
   *
   * @param encoders how the snapshot turns each table's COPY rows into rows for StarRocks
   */
  public static SnapshotSource snapshot(PostgresSourceConfig pg, Credentials credentials, List<SourceTable> tables,
      PublicationMode publicationMode, SnapshotEncoders encoders) {
    return new SnapshotSource(settings(pg, credentials, tables, publicationMode), encoders, true);
  }

  /**
   * The stream: with a snapshot ({@code startupMode: initial}) from the slot's confirmed position
   * ({@code committed()}: the consistent point, or where a kept slot stood), started only once the
   * snapshot enumerator has created or kept the slot; without one from the newest position.
   *
   * @param starRocksTableBySource each captured table's StarRocks table ({@code db.table}), for the
   *     TRUNCATE stop (empty: named by source only)
   */
  public static Source<ChangeRow, ?, ?> stream(PostgresSourceConfig pg, Credentials credentials,
      List<SourceTable> tables, Map<String, TableShape> shapes, Map<String, String> starRocksTableBySource,
      PublicationMode planned, long checkpointIntervalMillis) {
    List<String> names = tables.stream().map(SourceTable::qualifiedName).toList();
    // Column lists are ours to keep (PublicationSetup, at every start): Debezium's filtered mode would SET TABLE
    // without them when the stream starts.
    PublicationMode publicationMode = PublicationSetup.usesColumnLists(tables) ? PublicationMode.DISABLED : planned;
    PublicationWatch watch = new PublicationWatch(Endpoints.postgresServer(pg.host(), pg.port()), pg.database(),
        credentials, pg.publicationName(), names);
    java.time.Duration heartbeat = SlotKeeper.heartbeatInterval(checkpointIntervalMillis);
    SlotKeeper keeper = new SlotKeeper(Endpoints.postgresServer(pg.host(), pg.port()), pg.database(), credentials,
        pg.slotName(), heartbeat);
    if (pg.startupMode() != StartupMode.INITIAL) {
      return watch.around(new SlotKeptSource<>(new OverlappingTransactionsKept<>(new StreamSplitKept<>(
          new CheckpointedPositionsCommitted<>(stream(pg, credentials, names, shapes, starRocksTableBySource,
              publicationMode, StartupOptions.latest())))), keeper));
    }
    // The heartbeat outside the gate: a restored reader streams at once, while the gate, seeing the slot
    // in use by it, never opens (flink-cdc's enumerator has nothing to assign then).
    return watch.around(new SlotKeptSource<>(new SlotGatedSource<>(new OverlappingTransactionsKept<>(
        new StreamSplitKept<>(new CheckpointedPositionsCommitted<>(stream(pg, credentials, names, shapes,
            starRocksTableBySource, publicationMode, StartupOptions.committed())))),
        new SlotGate(Endpoints.postgresServer(pg.host(), pg.port()), pg.database(), credentials, pg.slotName())),
        keeper));
  }

  private static SnapshotSettings settings(PostgresSourceConfig pg, Credentials credentials, List<SourceTable> tables,
      PublicationMode publicationMode) {
    return new SnapshotSettings(Endpoints.postgresServer(pg.host(), pg.port()), pg.database(), credentials,
        pg.slotName(), pg.publicationName(), publicationMode, tables, pg.snapshotChunkSize());
  }

  /** flink-cdc's incremental source, stream only (one slot, one publication, pgoutput). */
  public static PostgresIncrementalSource<ChangeRow> stream(PostgresSourceConfig pg, Credentials credentials,
      List<String> tables, Map<String, TableShape> shapes, Map<String, String> starRocksTableBySource,
      PublicationMode publicationMode, StartupOptions startup) {
    return PostgresIncrementalSource.<ChangeRow>builder()
        // flink-cdc and Debezium write it into jdbc:postgresql://<host>:<port>/<db>: validated, IPv6 bracketed.
        .hostname(Endpoints.postgresServer(pg.host(), pg.port()).urlHost())
        .port(pg.port())
        .database(pg.database())
        .schemaList(tables.stream().map(t -> t.substring(0, t.indexOf('.'))).distinct().toArray(String[]::new))
        .tableList(tables.toArray(String[]::new))
        .username(credentials.sourceUser())
        .password(credentials.sourcePassword())
        .slotName(pg.slotName())
        .decodingPluginName("pgoutput")
        .startupOptions(startup)
        .deserializer(starRocksTableBySource.isEmpty() ? new ChangeRowDeserializer(shapes)
            : new ChangeRowDeserializer(shapes, new TruncateStop(starRocksTableBySource)))
        // Debezium's heartbeat carries its offset, moved by our heartbeat messages (SlotKeeper), into the
        // checkpointed stream split while the captured tables are quiet; it runs only when nothing arrived.
        .heartbeatInterval(DEBEZIUM_HEARTBEAT_INTERVAL)
        .lsnCommitCheckpointsDelay(LSN_COMMIT_CHECKPOINTS_DELAY)
        .debeziumProperties(debeziumProperties(pg, publicationMode))
        .build();
  }

  static Properties debeziumProperties(PostgresSourceConfig pg, PublicationMode publicationMode) {
    Properties p = new Properties();
    p.setProperty("publication.name", pg.publicationName());
    // Only the captured tables: never a superuser FOR ALL TABLES publication.
    p.setProperty("publication.autocreate.mode", publicationMode.debeziumValue());
    // Exact values instead of Debezium's defaults (base64 decimals, microsecond intervals, base64 bytes).
    p.setProperty("decimal.handling.mode", "string");
    p.setProperty("interval.handling.mode", "string");
    p.setProperty("binary.handling.mode", "hex");
    p.setProperty("poll.interval.ms", POLL_INTERVAL_MS);
    // Our heartbeat messages move Debezium's offset but make no record (which flink-cdc would log as unknown).
    p.setProperty("message.prefix.exclude.list", SlotKeeper.HEARTBEAT_PREFIX);
    // Deliver TRUNCATE to the deserializer, which stops the pipeline on it (TruncateStop). Debezium
    // 1.9.8 skips it twice by default: truncate.handling.mode=skip adds it to the skipped operations,
    // and the Postgres connector's skipped.operations defaults to "t" (PostgresConnectorConfig).
    p.setProperty("truncate.handling.mode", "include");
    p.setProperty("skipped.operations", "none");
    // No tombstone record after each DELETE: the sink never needs one (the delete event carries the key),
    // and flink-cdc's emitter logs every tombstone at INFO as an unknown element (measured: 1,912 such
    // lines in one LocalRunIT run), one log line per deleted row in production.
    p.setProperty("tombstones.on.delete", "false");
    return p;
  }
}
