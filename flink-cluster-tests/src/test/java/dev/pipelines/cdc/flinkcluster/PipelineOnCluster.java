package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.config.CredentialEnvVars;
import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.compare.SinkEqualsSource;
import dev.pipelines.cdc.testsupport.compare.TableChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One test's pipeline on its own cluster: the source tables, the operator's generated deployment,
 * the cluster started with it, the job submitted through the CLI and running; then what every fault
 * test checks afterwards ({@link #assertRecovered}). Closing kills every JVM of the cluster and
 * drops the pipeline's replication slot.
 */
final class PipelineOnCluster implements AutoCloseable {
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(4);
  static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);

  private final PostgresServer pg;
  private final StarRocksEmulator sr;
  private final SourceTables tables;
  private final DeliverySemantic semantic;
  private final FlinkCluster cluster;
  private final String jobId;

  private PipelineOnCluster(PostgresServer pg, StarRocksEmulator sr, SourceTables tables, DeliverySemantic semantic,
      FlinkCluster cluster, String jobId) {
    this.pg = pg;
    this.sr = sr;
    this.tables = tables;
    this.semantic = semantic;
    this.cluster = cluster;
    this.jobId = jobId;
  }

  static Path logsRoot() {
    return Path.of(System.getProperty("flink.cluster.logs", "target/flink-cluster-logs"));
  }

  /**
   * @param name a short name of the case, part of its schema, StarRocks database, slot and log directory
   */
  static PipelineOnCluster start(String name, DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr,
      Path workDir, int customers, int orders) {
    String schema = "fc_" + name + (semantic == DeliverySemantic.EXACTLY_ONCE ? "_eo" : "_al");
    dropSlots(pg, schema);
    SourceTables tables = SourceTables.create(pg, schema, customers, orders);
    if (semantic == DeliverySemantic.EXACTLY_ONCE) {
      // From the first row on: every row and change of this test is unique, so any change visible twice is a duplicate.
      sr.appliedChanges().start();
    }
    GeneratedDeployment generated = GeneratedDeployment.of(ClusterPipeline.of(tables, pg, sr, semantic));
    if (!generated.runsTheImagesJar()) {
      throw new IllegalStateException("the FlinkDeployment no longer runs the image's jar and main class: "
          + generated.jarUri() + " " + generated.entryClass());
    }
    Path logDir = logsRoot().resolve(schema);
    Path pipelineJson = workDir.resolve("pipeline.json");
    try {
      deleteRecursively(logDir);
      Files.createDirectories(logDir);
      Files.writeString(pipelineJson, generated.pipelineJson());
      Files.writeString(logDir.resolve("pipeline.json"), generated.pipelineJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The pods' environment: the operator fills these from the pipeline's Secrets (secretKeyRef).
    Map<String, String> env = Map.of(
        CredentialEnvVars.SOURCE_USERNAME, PostgresServer.CDC_USER,
        CredentialEnvVars.SOURCE_PASSWORD, PostgresServer.CDC_PASSWORD,
        CredentialEnvVars.SINK_USERNAME, sr.user(),
        CredentialEnvVars.SINK_PASSWORD, sr.password());
    FlinkCluster cluster = FlinkCluster.start(generated, env, 2, workDir, logDir);
    try {
      String jobId = JobSubmission.submit(cluster, generated, jobJar(), pipelineJson);
      PipelineOnCluster pipeline = new PipelineOnCluster(pg, sr, tables, semantic, cluster, jobId);
      pipeline.awaitJob("every task running", Duration.ofMinutes(3), () -> cluster.rest().allTasksRunning(jobId));
      return pipeline;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  static Path jobJar() {
    return Path.of(System.getProperty("pipeline.job.jar", "../pipeline-job/target/pipeline-job.jar"));
  }

  SourceTables tables() {
    return tables;
  }

  FlinkCluster cluster() {
    return cluster;
  }

  DeliverySemantic semantic() {
    return semantic;
  }

  String jobId() {
    return jobId;
  }

  /** Waits until the sink equals the source over every row and column; the comparison's results. */
  List<TableChecksum.Result> awaitEqual(Duration atMost) {
    try {
      return SinkEqualsSource.await(pg::superuserConnection, this::starRocks, atMost, tables.compared());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; job " + jobId + " is " + cluster.rest().jobState(jobId)
          .orElse("unknown") + "; logs in " + cluster.logDir(), e);
    }
  }

  /** Waits for {@code condition} on the job, failing with where the logs are. */
  void awaitJob(String what, Duration atMost, BooleanSupplier condition) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + ": no " + what + " within " + atMost + " (state "
            + cluster.rest().jobState(jobId).orElse("unknown") + "); logs in " + cluster.logDir());
      }
      FreePort.sleep(500);
    }
  }

  /** Waits for a checkpoint completed after this call: a restore point holding what was written so far. */
  void awaitNextCheckpoint() {
    long before = cluster.rest().completedCheckpoints(jobId).orElse(0L);
    awaitJob("checkpoint after #" + before, Duration.ofMinutes(2),
        () -> cluster.rest().completedCheckpoints(jobId).orElse(0L) > before);
  }

  /**
   * Before a fault: the job has not failed once. A clash of the job's jar with Flink, or a setting the
   * cluster cannot hold, fails tasks and restarts the job, and the data might still arrive in the end.
   */
  void assertNoFailureYet() {
    List<String> failures = failures();
    if (!failures.isEmpty()) {
      throw new AssertionError("the job failed before any fault: " + failures + "; logs in " + cluster.logDir());
    }
  }

  /** The job's failures (each a restart) under the current JobManager; fails if it cannot be asked. */
  List<String> failures() {
    return cluster.rest().failures(jobId).orElseThrow(() -> new AssertionError("the JobManager at "
        + cluster.rest() + " does not answer for job " + jobId + "; logs in " + cluster.logDir()));
  }

  /** Rows of a StarRocks table of this test (0 while it cannot be read). */
  long sinkRows(String table) {
    try (Connection c = starRocks(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tables.schema() + "." + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0;
    }
  }

  String confirmedFlushLsn() {
    return pg.replicationSlots().stream().filter(s -> s.name().equals(tables.slot())).findFirst()
        .map(s -> s.confirmedFlushLsn() == null ? "0/0" : s.confirmedFlushLsn()).orElse("0/0");
  }

  /** What a fault may legitimately do to the snapshot's rows (see {@link #assertRecovered}). */
  enum Snapshot {
    /** The fault came after the snapshot: every row and change is visible once. */
    COMPLETE,
    /**
     * The fault came mid-snapshot. The snapshot reader's checkpoint state holds the splits it has not
     * finished, and a restore reads such a split again from its start (SnapshotReader's design); with
     * exactly-once its rows loaded before that checkpoint are committed, so they become visible a
     * second time, with the same values. Counted and reported, not failed; a change of the
     * {@link ChangeWriter} visible twice still fails.
     */
    INTERRUPTED
  }

  /**
   * After a fault, from {@code faultEnd} (nanoTime) on: the sink equals the source over every row and
   * column; the slot's {@code confirmed_flush_lsn} moves past {@code lsnAtFaultEnd} (the job commits
   * positions again, so Postgres can free WAL); with exactly-once, no change visible twice (the
   * emulator's journal, see {@link Snapshot}); no class linkage error in any log. Publishes the FAULT line.
   */
  String assertRecovered(String fault, long faultEnd, String lsnAtFaultEnd, Snapshot snapshot) {
    List<TableChecksum.Result> results = awaitEqual(RECOVERY_TIMEOUT);
    Duration recovered = Duration.ofNanos(System.nanoTime() - faultEnd);
    awaitJob("confirmed_flush_lsn past " + lsnAtFaultEnd + " (now " + confirmedFlushLsn() + ")", Duration.ofMinutes(2),
        () -> lsnAfter(confirmedFlushLsn(), lsnAtFaultEnd));
    String note = null;
    if (semantic == DeliverySemantic.EXACTLY_ONCE) {
      sr.appliedChanges().stop();
      if (sr.appliedChanges().total() == 0) {
        throw new AssertionError("the emulator's journal recorded no change: it cannot have checked anything");
      }
      Map<String, Long> duplicates = sr.appliedChanges().duplicates();
      Map<String, Long> reloadedSnapshotRows = new java.util.TreeMap<>(duplicates);
      reloadedSnapshotRows.keySet().removeIf(k -> !SourceTables.isInitialRow(k));
      Map<String, Long> changes = new java.util.TreeMap<>(duplicates);
      changes.keySet().removeAll(reloadedSnapshotRows.keySet());
      if (!changes.isEmpty() || (snapshot == Snapshot.COMPLETE && !reloadedSnapshotRows.isEmpty())) {
        throw new AssertionError(duplicates.size() + " rows or changes visible more than once (exactly-once), "
            + changes.size() + " of them changes, e.g. " + (changes.isEmpty() ? duplicates : changes).entrySet()
            .stream().limit(5).toList() + "; logs in " + cluster.logDir());
      }
      if (!reloadedSnapshotRows.isEmpty()) {
        note = String.format(Locale.ROOT, "NOTE %s semantic=exactly-once: %d snapshot rows visible twice (same"
            + " values: the split being read at the restored checkpoint was read again); 0 changes visible twice",
            fault, reloadedSnapshotRows.size());
      }
    }
    ClusterLogs.assertNoLinkageErrors(cluster);
    String line = FaultReport.line(fault, semantic, recovered, results);
    FaultReport.publish(line, logsRoot());
    if (note != null) {
      FaultReport.publish(note, logsRoot());
    }
    for (String exit : cluster.selfExits()) {
      FaultReport.publish("NOTE " + fault + " semantic=" + semantic.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + ": " + exit, logsRoot());
    }
    // A TaskManager that ended itself is a task that did not answer its cancellation within
    // task.cancellation.timeout: the StarRocks sink's close() hung in its flush after every at-least-once
    // failover until the job's sink closed without it (UnflushedClose). Recovery then took 171-209 s.
    if (!cluster.selfExits().isEmpty()) {
      throw new AssertionError("a TaskManager ended itself during recovery (a task deaf to its cancellation): "
          + cluster.selfExits() + "; logs in " + cluster.logDir());
    }
    return line;
  }

  private boolean lsnAfter(String lsn, String than) {
    Object after = pg.superuserSql().scalar("SELECT '" + lsn + "'::pg_lsn > '" + than + "'::pg_lsn");
    return Boolean.TRUE.equals(after);
  }

  private Connection starRocks() throws SQLException {
    return DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
  }

  /** Kills the cluster's JVMs, then drops the slot the killed job left (the server allows 10). */
  @Override
  public void close() {
    cluster.close();
    dropSlots(pg, tables.schema());
  }

  /** The test's slot and any temporary ones, once their walsenders have noticed the dead JVMs. */
  private static void dropSlots(PostgresServer pg, String schema) {
    String prefix = schema.toLowerCase(Locale.ROOT) + "_slot";
    pg.superuserSql().execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
        + " WHERE starts_with(slot_name, '" + prefix + "') AND active_pid IS NOT NULL");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pg.replicationSlots().stream().anyMatch(s -> s.name().startsWith(prefix) && s.active())
        && System.nanoTime() < deadline) {
      FreePort.sleep(200);
    }
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE starts_with(slot_name, '" + prefix + "') AND NOT active");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
