package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.snapshot.TableProgress.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the snapshot's splits, one at a time to each reader that asks, and tracks each table's
 * snapshot ({@link TableProgress}). Runs on the JobManager, in the coordinator's thread only: no
 * thread of its own, so the state a checkpoint copies is never changed under it.
 *
 * <p>At a fresh start it makes the publication cover the tables, creates the slot with an exported
 * snapshot ({@link ExportedSnapshotSlot}) and plans every split ({@link SplitPlanner}) before the
 * first assignment; it keeps the export open until every split is finished. At a restore it
 * compares its tables with the configured ones: a new table is added to the publication and only
 * the new tables are planned (read in fresh snapshots, taken after that change); a removed table's
 * splits are dropped. A table whose splits are all finished is announced "done" once a checkpoint
 * taken after that has completed (see {@link TableProgress.Status#DONE}): one reader emits its marker.
 *
 * <p>Unbounded (the job): readers with nothing to read wait, the source never ends. Bounded (a
 * snapshot read alone, tests): readers are told there are no more splits.
 */
final class SnapshotEnumerator implements SplitEnumerator<SnapshotSplit, SnapshotState> {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotEnumerator.class);

  private final SplitEnumeratorContext<SnapshotSplit> context;
  private final SnapshotSettings settings;
  private final boolean unbounded;
  private final SnapshotState restored;
  private final ArrayDeque<SnapshotSplit> unassigned = new ArrayDeque<>();
  /** Every split not known to be finished, id to table. */
  private final Map<String, String> open = new LinkedHashMap<>();
  private final Map<String, TableProgress> tables = new LinkedHashMap<>();
  /** After a restore: splits assigned before the checkpoint; finished unless a reader says it holds them. */
  private final Set<String> unconfirmed = new HashSet<>();
  private final Set<String> held = new HashSet<>();
  private final Set<Integer> reported = new HashSet<>();
  private final Set<Integer> waiting = new LinkedHashSet<>();
  /** Tables read, by the first checkpoint taken after that. */
  private final Map<String, Long> awaitingCheckpoint = new LinkedHashMap<>();
  private int nextGeneration = 1;
  private String snapshotName = "";
  private String consistentPoint = "";
  private ExportedSnapshotSlot slot;
  /**
   * What the gauges show, replaced (never changed) in the coordinator thread: the metric reporter
   * reads it from another thread, and must not iterate the maps meanwhile (FLINK-40202 is that race
   * in flink-cdc's enumerator).
   */
  private volatile SnapshotEvents.Progress shown = new SnapshotEvents.Progress(0, 0, 0, 0);
  private volatile int shownUnassigned;

  /** @param restored the checkpoint's state, or null at a fresh start */
  SnapshotEnumerator(SplitEnumeratorContext<SnapshotSplit> context, SnapshotSettings settings, boolean unbounded,
      SnapshotState restored) {
    this.context = context;
    this.settings = settings;
    this.unbounded = unbounded;
    this.restored = restored;
    if (restored != null) {
      restore(restored);
    }
  }

  /** Takes the checkpoint's splits and tables, leaving out tables no longer captured. */
  private void restore(SnapshotState state) {
    Set<String> captured = settings.tablesByName().keySet();
    snapshotName = state.snapshotName();
    consistentPoint = state.consistentPoint();
    nextGeneration = state.nextGeneration();
    for (TableProgress t : state.tables()) {
      if (captured.contains(t.table())) {
        // READ at the checkpoint: every row was emitted before its barrier, none is in flight now.
        tables.put(t.table(), t.status() == Status.READ ? t.with(Status.DONE) : t);
      } else {
        LOG.info("table {} is no longer captured: its snapshot stops, its rows are no longer loaded", t.table());
      }
    }
    state.unassigned().stream().filter(s -> tables.containsKey(s.table())).forEach(unassigned::add);
    state.open().forEach((id, table) -> {
      if (tables.containsKey(table)) {
        open.put(id, table);
      }
    });
    Set<String> notAssigned = new HashSet<>();
    unassigned.forEach(s -> notAssigned.add(s.splitId()));
    open.keySet().stream().filter(id -> !notAssigned.contains(id)).forEach(unconfirmed::add);
  }

  @Override
  public void start() {
    try (Connection pg = JobConnections.postgres(settings.server(), settings.database(), settings.credentials())) {
      if (restored == null) {
        planFresh(pg);
      } else {
        checkSlotStillThere(pg);
        planAdded(pg);
        LOG.info("snapshot restored: {} tables ({} done), {} splits not finished; the stream started at {}",
            tables.size(), tablesDone(), open.size(), consistentPoint);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the snapshot cannot start: " + e.getMessage(), e);
    }
    publishProgress();
    MetricGroup metrics = context.metricGroup().addGroup("snapshot");
    metrics.gauge("splitsTotal", () -> shown.splitsTotal());
    metrics.gauge("splitsDone", () -> shown.splitsDone());
    metrics.gauge("splitsUnassigned", () -> shownUnassigned);
    metrics.gauge("tablesTotal", () -> shown.tablesTotal());
    metrics.gauge("tablesDone", () -> shown.tablesDone());
  }

  private void planFresh(Connection pg) throws SQLException {
    PublicationSetup.ensure(pg, settings.publicationName(), settings.publicationMode(), names(settings.tables()));
    slot = ExportedSnapshotSlot.create(pg,
        JobConnections.postgresReplication(settings.server(), settings.database(), settings.credentials()),
        settings.slotName(), settings.database());
    snapshotName = slot.snapshotName();
    consistentPoint = slot.consistentPoint();
    if (!slot.exported()) {
      slot = null;
    }
    plan(pg, settings.tables(), snapshotName);
    LOG.info("snapshot of {} tables in {} splits, {}, stream from {}", settings.tables().size(), open.size(),
        snapshotName.isEmpty() ? "each split in a fresh snapshot" : "exported snapshot " + snapshotName,
        consistentPoint);
  }

  /**
   * Tables captured now but not at the checkpoint: into the publication first (their changes are in
   * the stream from that commit on), then planned; their splits carry no exported snapshot, so each
   * is read in a snapshot taken after the publication change (see {@link SnapshotSplitReader}).
   */
  private void planAdded(Connection pg) throws SQLException {
    List<SourceTable> added = settings.tables().stream().filter(t -> !tables.containsKey(t.qualifiedName())).toList();
    if (added.isEmpty()) {
      return;
    }
    PublicationSetup.ensure(pg, settings.publicationName(), settings.publicationMode(), names(settings.tables()));
    int before = open.size();
    plan(pg, added, "");
    LOG.info("tables added to the pipeline: {}; their snapshot has {} splits, the other tables' is not read again",
        added.stream().map(SourceTable::qualifiedName).toList(), open.size() - before);
  }

  private void plan(Connection pg, List<SourceTable> toPlan, String snapshot) throws SQLException {
    boolean tidRangeScans = RelationSizes.tidRangeScans(pg);
    List<SnapshotSplit> splits = SplitPlanner.plan(RelationSizes.of(pg, toPlan, tidRangeScans),
        settings.rowsPerSplit(), tidRangeScans, snapshot);
    for (SourceTable t : toPlan) {
      int count = (int) splits.stream().filter(s -> s.table().equals(t.qualifiedName())).count();
      tables.put(t.qualifiedName(), new TableProgress(t.qualifiedName(), nextGeneration++, count,
          count == 0 ? Status.READ : Status.READING));
    }
    for (SnapshotSplit s : splits) {
      unassigned.add(s);
      open.put(s.splitId(), s.table());
    }
  }

  private static List<PublicationSetup.TableName> names(List<SourceTable> tables) {
    return tables.stream().map(t -> new PublicationSetup.TableName(t.schema(), t.name())).toList();
  }

  /** The snapshot's stream starts at the slot's consistent point: without the slot, those changes are gone. */
  private void checkSlotStillThere(Connection pg) throws SQLException {
    Optional<ExistingSlot> found = ExportedSnapshotSlot.find(pg, settings.slotName());
    if (found.isEmpty()) {
      throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "replication slot " + settings.slotName()
          + " is gone, but the checkpoint being restored holds a stream position only that slot can resume from"
          + " (changes since then would be lost): start the pipeline without its checkpoint (upgradeMode: stateless,"
          + " or delete the checkpoints) to take a new snapshot", null);
    }
  }

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    SnapshotSplit next = unassigned.poll();
    if (next == null) {
      if (unbounded) {
        waiting.add(subtask);
      } else {
        context.signalNoMoreSplits(subtask);
      }
      return;
    }
    context.assignSplit(next, subtask);
    publishProgress();
  }

  @Override
  public void addSplitsBack(List<SnapshotSplit> splits, int subtask) {
    // A reader failed: its splits since the last checkpoint are read again, first.
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
    List<Integer> readers = new ArrayList<>(waiting);
    waiting.clear();
    readers.forEach(r -> handleSplitRequest(r, null));
    publishProgress();
  }

  @Override
  public void addReader(int subtask) {
    // Readers ask for splits themselves; a restarted one learns the done tables again (its marker
    // may have been lost with it; a repeated marker changes nothing).
    for (TableProgress t : tables.values()) {
      if (t.status() == Status.DONE && unbounded) {
        context.sendEventToSourceReader(subtask, new SnapshotEvents.TableDone(t.table(), t.generation()));
      }
    }
    if (unbounded) {
      context.sendEventToSourceReader(subtask, shown);
    }
  }

  @Override
  public void handleSourceEvent(int subtask, SourceEvent event) {
    if (!(event instanceof SnapshotEvents.SplitReport report)) {
      return;
    }
    report.finished().forEach(this::finished);
    if (report.initial() && reported.add(subtask)) {
      held.addAll(report.held());
      if (reported.size() >= context.currentParallelism() && !unconfirmed.isEmpty()) {
        // Every reader has said what it holds: an assigned split none holds was finished before the barrier.
        List<String> finishedBefore = unconfirmed.stream().filter(id -> !held.contains(id)).toList();
        unconfirmed.clear();
        finishedBefore.forEach(this::finished);
      }
    }
    publishProgress();
  }

  private void finished(String splitId) {
    String table = open.remove(splitId);
    unconfirmed.remove(splitId);
    if (table != null && !open.containsValue(table)) {
      TableProgress t = tables.get(table);
      if (t != null && t.status() == Status.READING) {
        tables.put(table, t.with(Status.READ));
        LOG.info("every snapshot split of table {} has been read", table);
      }
    }
    if (open.isEmpty() && slot != null) {
      LOG.info("every snapshot split has been read: closing the connection that exported snapshot {}", snapshotName);
      slot.close();
      slot = null;
    }
  }

  @Override
  public SnapshotState snapshotState(long checkpointId) {
    for (TableProgress t : tables.values()) {
      if (t.status() == Status.READ) {
        awaitingCheckpoint.putIfAbsent(t.table(), checkpointId);
      }
    }
    return new SnapshotState(List.copyOf(unassigned), open, List.copyOf(tables.values()), nextGeneration,
        snapshotName, consistentPoint);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    List<String> done = awaitingCheckpoint.entrySet().stream().filter(e -> e.getValue() <= checkpointId)
        .map(Map.Entry::getKey).toList();
    for (String table : done) {
      awaitingCheckpoint.remove(table);
      TableProgress t = tables.get(table).with(Status.DONE);
      tables.put(table, t);
      Optional<Integer> reader = context.registeredReaders().keySet().stream().min(Integer::compare);
      if (unbounded && reader.isPresent()) {
        context.sendEventToSourceReader(reader.get(), new SnapshotEvents.TableDone(table, t.generation()));
      }
      LOG.info("snapshot of table {} done (generation {})", table, t.generation());
    }
    if (!done.isEmpty()) {
      publishProgress();
    }
  }

  /** Updates the gauges and, in the job, tells every reader (a bounded run's readers may have ended). */
  private void publishProgress() {
    SnapshotEvents.Progress progress = new SnapshotEvents.Progress(splitsTotal(), splitsDone(), tables.size(),
        tablesDone());
    shownUnassigned = unassigned.size();
    if (progress.equals(shown)) {
      return;
    }
    shown = progress;
    if (unbounded) {
      context.registeredReaders().keySet().forEach(r -> context.sendEventToSourceReader(r, progress));
    }
  }

  private int splitsTotal() {
    return tables.values().stream().mapToInt(TableProgress::splitsTotal).sum();
  }

  private int splitsDone() {
    return splitsTotal() - open.size();
  }

  private int tablesDone() {
    return (int) tables.values().stream().filter(t -> t.status() != Status.READING).count();
  }

  @Override
  public void close() {
    if (slot != null) {
      slot.close();
      slot = null;
    }
  }
}
