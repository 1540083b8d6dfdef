package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the snapshot's splits, one at a time to each reader that asks (a reader asks when it
 * has finished its split). Runs on the JobManager, in the coordinator's thread only: no thread of
 * its own, so the state a checkpoint copies is never changed under it.
 *
 * <p>At a fresh start it makes the publication cover the tables, creates the slot with an
 * exported snapshot ({@link ExportedSnapshotSlot}), measures the tables and plans every split of
 * every table ({@link SplitPlanner}) before the first assignment. It keeps the slot's replication
 * connection open, and so the snapshot importable, until every split has been read (each reader
 * has come back for more and none is left), or until it closes. After a restore there is no
 * exported snapshot any more: the readers fall back to a fresh one ({@link SnapshotTransaction}).
 */
final class SnapshotEnumerator implements SplitEnumerator<SnapshotSplit, SnapshotState> {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotEnumerator.class);

  private final SplitEnumeratorContext<SnapshotSplit> context;
  private final SnapshotSettings settings;
  private final ArrayDeque<SnapshotSplit> unassigned = new ArrayDeque<>();
  /** The split each reader was last given, until it asks again (which means it finished it). */
  private final Map<Integer, SnapshotSplit> reading = new HashMap<>();
  private final boolean fresh;
  private int splitsTotal;
  private String snapshotName;
  private String consistentPoint;
  private ExportedSnapshotSlot slot;
  private final List<String> tableNames;
  /** The counts the readers were last sent, null before the first. */
  private SnapshotProgress progressSent;
  /** The readers {@link #progressSent} was sent to. */
  private final Set<Integer> informed = new HashSet<>();

  /** A fresh start: plans in {@link #start()}. */
  SnapshotEnumerator(SplitEnumeratorContext<SnapshotSplit> context, SnapshotSettings settings) {
    this.context = context;
    this.settings = settings;
    this.fresh = true;
    this.tableNames = settings.tables().stream().map(SourceTable::qualifiedName).toList();
  }

  /** A restore: the splits not yet assigned at the checkpoint (readers restore their own). */
  SnapshotEnumerator(SplitEnumeratorContext<SnapshotSplit> context, SnapshotSettings settings, SnapshotState state) {
    this.context = context;
    this.settings = settings;
    this.fresh = false;
    this.tableNames = settings.tables().stream().map(SourceTable::qualifiedName).toList();
    this.unassigned.addAll(state.unassigned());
    this.splitsTotal = state.splitsTotal();
    this.snapshotName = state.snapshotName();
    this.consistentPoint = state.consistentPoint();
  }

  @Override
  public void start() {
    try (Connection pg = JobConnections.postgres(settings.server(), settings.database(), settings.credentials())) {
      if (fresh) {
        planFresh(pg);
      } else {
        checkSlotStillThere(pg);
        LOG.info("snapshot restored: {} of {} splits not yet assigned; the stream starts at {}", unassigned.size(),
            splitsTotal, consistentPoint);
      }
    } catch (SQLException e) {
      throw SnapshotFailure.atStart(e, settings.credentials().sourceUser());
    }
    MetricGroup metrics = context.metricGroup().addGroup("snapshot");
    metrics.gauge("splitsTotal", () -> splitsTotal);
    metrics.gauge("splitsUnassigned", unassigned::size);
    metrics.gauge("splitsDone", this::splitsDone);
    publishProgress();
  }

  private void planFresh(Connection pg) throws SQLException {
    PublicationSetup.ensure(pg, settings.publicationName(), settings.publicationMode(), settings.tables().stream()
        .map(t -> new PublicationSetup.TableName(t.schema(), t.name())).toList());
    slot = ExportedSnapshotSlot.create(pg,
        JobConnections.postgresReplication(settings.server(), settings.database(), settings.credentials()),
        settings.slotName(), settings.database());
    snapshotName = slot.snapshotName();
    consistentPoint = slot.consistentPoint();
    boolean tidRangeScans = RelationSizes.tidRangeScans(pg);
    List<SnapshotSplit> splits = SplitPlanner.plan(RelationSizes.of(pg, settings.tables(), tidRangeScans),
        settings.rowsPerSplit(), tidRangeScans, snapshotName);
    unassigned.addAll(splits);
    splitsTotal = splits.size();
    LOG.info("snapshot of {} tables in {} splits, exported snapshot {}, stream from {}", settings.tables().size(),
        splitsTotal, snapshotName, consistentPoint);
  }

  /** The snapshot's stream starts at the slot's consistent point: without the slot, those changes are gone. */
  private void checkSlotStillThere(Connection pg) throws SQLException {
    Optional<ExistingSlot> found = ExportedSnapshotSlot.find(pg, settings.slotName());
    if (found.isEmpty()) {
      throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "replication slot " + settings.slotName()
          + " is gone, but the checkpoint being restored is of a snapshot whose changes since " + consistentPoint
          + " only that slot held: start the pipeline without its checkpoint (upgradeMode: stateless, or delete the"
          + " checkpoints) to take a new snapshot", null);
    }
    SlotIdentity.problem(found.get(), settings.database()).ifPresent(problem -> {
      throw ExistingSlot.stop(problem);
    });
  }

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    reading.remove(subtask);
    SnapshotSplit next = unassigned.poll();
    if (next == null) {
      context.signalNoMoreSplits(subtask);
      endExportIfAllRead();
      publishProgress();
      return;
    }
    reading.put(subtask, next);
    context.assignSplit(next, subtask);
    publishProgress();
  }

  @Override
  public void addSplitsBack(List<SnapshotSplit> splits, int subtask) {
    // A reader failed: its splits since the last checkpoint are read again, first.
    reading.remove(subtask);
    informed.remove(subtask);
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
    publishProgress();
  }

  @Override
  public void addReader(int subtask) {
    // Readers ask for their first split themselves (and are sent the counts then).
    informed.remove(subtask);
  }

  @Override
  public SnapshotState snapshotState(long checkpointId) {
    return new SnapshotState(List.copyOf(unassigned), splitsTotal, snapshotName, consistentPoint);
  }

  private int splitsDone() {
    return splitsTotal - unassigned.size() - reading.size();
  }

  /**
   * Sends the counts to every registered reader when they change (at most twice per split), and to
   * a reader that has not had them yet: the readers publish them as gauges, since Flink 1.19's REST
   * API does not serve this enumerator's metrics. After a restore the splits the readers restored
   * are not known here until they ask again, so the counts run ahead until then.
   */
  private void publishProgress() {
    List<SnapshotSplit> pending = new ArrayList<>(unassigned);
    pending.addAll(reading.values());
    SnapshotProgress now = SnapshotProgress.of(splitsTotal, tableNames, pending);
    if (!now.equals(progressSent)) {
      progressSent = now;
      informed.clear();
    }
    for (int subtask : context.registeredReaders().keySet()) {
      if (informed.add(subtask)) {
        context.sendEventToSourceReader(subtask, now);
      }
    }
  }

  private void endExportIfAllRead() {
    if (slot != null && unassigned.isEmpty() && reading.isEmpty()) {
      LOG.info("every snapshot split has been read: closing the connection that exported snapshot {}", snapshotName);
      slot.close();
      slot = null;
    }
  }

  @Override
  public void close() {
    if (slot != null) {
      slot.close();
      slot = null;
    }
  }
}
