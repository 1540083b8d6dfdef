package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** What the snapshot enumerator does against Postgres when it starts: publication, slot, plan. */
final class SnapshotStart {
  private SnapshotStart() {}

  /**
   * A fresh start: the publication covers every table before the slot exists, then the slot (with
   * its exported snapshot, or kept), then every split.
   */
  record Fresh(ExportedSnapshotSlot slot, List<SnapshotSplit> splits) {}

  static Fresh fresh(Connection pg, SnapshotSettings settings) throws SQLException {
    PublicationSetup.ensure(pg, settings.publicationName(), settings.publicationMode(), names(settings.tables()));
    ExportedSnapshotSlot slot = ExportedSnapshotSlot.create(pg,
        JobConnections.postgresReplication(settings.server(), settings.database(), settings.credentials()),
        settings.slotName(), settings.database());
    return new Fresh(slot, plan(pg, settings, settings.tables(), slot.snapshotName()));
  }

  /**
   * Tables captured now but not at the checkpoint: into the publication first (their changes are in
   * the stream from that commit on), then planned; their splits carry no exported snapshot, so each
   * is read in a snapshot taken after the publication change (see {@link SnapshotSplitReader}).
   */
  static List<SnapshotSplit> added(Connection pg, SnapshotSettings settings, List<SourceTable> added)
      throws SQLException {
    PublicationSetup.ensure(pg, settings.publicationName(), settings.publicationMode(), names(settings.tables()));
    return plan(pg, settings, added, "");
  }

  private static List<SnapshotSplit> plan(Connection pg, SnapshotSettings settings, List<SourceTable> tables,
      String snapshotName) throws SQLException {
    boolean tidRangeScans = RelationSizes.tidRangeScans(pg);
    return SplitPlanner.plan(RelationSizes.of(pg, tables, tidRangeScans), settings.rowsPerSplit(), tidRangeScans,
        snapshotName);
  }

  private static List<PublicationSetup.TableName> names(List<SourceTable> tables) {
    return PublicationSetup.names(tables);
  }

  /** A restore's stream resumes from the slot: without it, the changes since then are gone. */
  static void checkSlotStillThere(Connection pg, String slotName, String database) throws SQLException {
    Optional<ExistingSlot> found = ExportedSnapshotSlot.find(pg, slotName);
    if (found.isEmpty()) {
      throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, "replication slot " + slotName
          + " is gone, but the checkpoint being restored holds a stream position only that slot can resume from"
          + " (changes since then would be lost): start the pipeline without its checkpoint (upgradeMode: stateless,"
          + " or delete the checkpoints) to take a new snapshot", null);
    }
    SlotIdentity.problem(found.get(), database).ifPresent(problem -> {
      throw ExistingSlot.stop(problem);
    });
  }
}
