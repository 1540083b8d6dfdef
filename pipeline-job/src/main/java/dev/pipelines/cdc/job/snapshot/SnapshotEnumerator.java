package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
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
  private final OpenSplits open = new OpenSplits();
  private final Map<String, TableProgress> tables = new LinkedHashMap<>();
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
    Set<String> notAssigned = new HashSet<>();
    unassigned.forEach(s -> notAssigned.add(s.splitId()));
    state.open().forEach((id, table) -> {
      if (!tables.containsKey(table)) {
        return;
      }
      if (notAssigned.contains(id)) {
        open.add(id, table);
      } else {
        open.addUnconfirmed(id, table);
      }
    });
  }

  @Override
  public void start() {
    try (Connection pg = JobConnections.postgres(settings.server(), settings.database(), settings.credentials())) {
      if (restored == null) {
        planFresh(pg);
      } else {
        SnapshotStart.checkSlotStillThere(pg, settings.slotName(), settings.database());
        planAdded(pg);
        LOG.info("snapshot restored: {} tables ({} done), {} splits not finished; the stream started at {}",
            tables.size(), tablesDone(), open.size(), consistentPoint);
      }
    } catch (SQLException e) {
      throw SnapshotFailure.atStart(e, settings.credentials().sourceUser());
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
    SnapshotStart.Fresh fresh = SnapshotStart.fresh(pg, settings);
    snapshotName = fresh.slot().snapshotName();
    consistentPoint = fresh.slot().consistentPoint();
    slot = fresh.slot().exported() ? fresh.slot() : null;
    add(settings.tables(), fresh.splits());
    LOG.info("snapshot of {} tables in {} splits, {}, stream from {}", settings.tables().size(), open.size(),
        snapshotName.isEmpty() ? "each split in a fresh snapshot" : "exported snapshot " + snapshotName,
        consistentPoint);
  }

  private void planAdded(Connection pg) throws SQLException {
    List<SourceTable> added = settings.tables().stream().filter(t -> !tables.containsKey(t.qualifiedName())).toList();
    if (added.isEmpty()) {
      return;
    }
    List<SnapshotSplit> splits = SnapshotStart.added(pg, settings, added);
    add(added, splits);
    LOG.info("tables added to the pipeline: {}; their snapshot has {} splits, the other tables' is not read again",
        added.stream().map(SourceTable::qualifiedName).toList(), splits.size());
  }

  /** Each table gets the next generation. */
  private void add(List<SourceTable> planned, List<SnapshotSplit> splits) {
    for (SourceTable t : planned) {
      int count = (int) splits.stream().filter(s -> s.table().equals(t.qualifiedName())).count();
      tables.put(t.qualifiedName(), new TableProgress(t.qualifiedName(), nextGeneration++, count,
          count == 0 ? Status.READ : Status.READING));
    }
    for (SnapshotSplit s : splits) {
      unassigned.add(s);
      open.add(s.splitId(), s.table());
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
    if (report.initial()) {
      open.restoredBy(subtask, report.held(), context.currentParallelism()).forEach(this::finished);
    }
    publishProgress();
  }

  private void finished(String splitId) {
    open.finished(splitId).ifPresent(this::read);
    if (open.isEmpty() && slot != null) {
      LOG.info("every snapshot split has been read: closing the connection that exported snapshot {}", snapshotName);
      slot.close();
      slot = null;
    }
  }

  /** Every split of {@code table} has been read: done once a checkpoint taken after now completes. */
  private void read(String table) {
    TableProgress t = tables.get(table);
    if (t != null && t.status() == Status.READING) {
      tables.put(table, t.with(Status.READ));
      LOG.info("every snapshot split of table {} has been read", table);
    }
  }

  @Override
  public SnapshotState snapshotState(long checkpointId) {
    for (TableProgress t : tables.values()) {
      if (t.status() == Status.READ) {
        awaitingCheckpoint.putIfAbsent(t.table(), checkpointId);
      }
    }
    return new SnapshotState(List.copyOf(unassigned), open.copy(), List.copyOf(tables.values()), nextGeneration,
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
