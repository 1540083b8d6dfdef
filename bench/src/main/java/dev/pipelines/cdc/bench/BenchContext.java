package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every part of the run shares: the servers, the sizes, and where results go. */
public final class BenchContext {
  /** The spec's defaults (CdcPipeline): what a user gets without tuning. */
  static final long DEFAULT_FLUSH_MILLIS = 5_000;
  static final long DEFAULT_CHECKPOINT_MILLIS = 30_000;
  static final int DEFAULT_CHUNK_SIZE = 65536;
  /** -Dbench.chunk=N tries another snapshotChunkSize (an experiment, not the spec's default). */
  static final int CHUNK_SIZE = Integer.getInteger("bench.chunk", DEFAULT_CHUNK_SIZE);

  final BenchPaths paths;
  final BenchSizes sizes;
  final PostgresServer pg;
  final StarRocksEmulator sr;
  final VisibleCounter visible = new VisibleCounter();
  final List<Result> results = new ArrayList<>();
  final Map<String, String> loadByPhase = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  /** The sink's own rate for narrow rows, measured in the snapshot phase (null until then). */
  Double sinkNarrowRate;

  /** @param pg null, as {@code sr}, when only the operator phase runs */
  BenchContext(BenchPaths paths, BenchSizes sizes, PostgresServer pg, StarRocksEmulator sr) {
    this.paths = paths;
    this.sizes = sizes;
    this.pg = pg;
    this.sr = sr;
    if (sr != null) {
      sr.addVisibleChangesListener(visible);
    }
  }

  /** Drops a database in the emulator once its phase is checked (frees the memory store). */
  void dropDatabase(String db) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://" + sr.host() + ":"
        + sr.mysqlPort() + "/", sr.user(), sr.password()); java.sql.Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + db + "`");
    }
  }

  void add(Result r) {
    results.add(r);
    System.out.println("[bench] " + ResultTable.cells(r));
  }

  void phase(String name) {
    String load = Machine.load();
    loadByPhase.put(name, load);
    System.out.println("[bench] --- " + name + " (load average " + load + ")");
  }

  /** A pipeline config as the operator would write it, for one table into database {@code db}. */
  PipelineConfig config(String name, BenchTable table, String db, String publication, StartupMode startup,
      DeliverySemantic semantic, long flushMillis) {
    return PipelineConfig.of(new PipelineId("bench", name.replace('_', '-')),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(table.qualified()), List.of(),
            "bench_" + name, publication, startup, CHUNK_SIZE),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), db, List.of(), true,
            semantic, flushMillis, Map.of()));
  }
}
