package dev.pipelines.cdc.job.snapshot;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/** The events between the snapshot enumerator and its readers. */
final class SnapshotEvents {
  private SnapshotEvents() {}

  /**
   * Reader to enumerator: splits it finished (every row emitted), and, once at its start, the
   * splits it restored from its checkpoint state ({@code initial}): after a restore the enumerator
   * learns from these which assigned splits were finished before the checkpoint barrier.
   */
  record SplitReport(boolean initial, List<String> held, List<String> finished) implements SourceEvent {
    SplitReport {
      held = List.copyOf(held);
      finished = List.copyOf(finished);
    }
  }

  /**
   * Enumerator to every reader: its progress, published again by each reader as gauges, because
   * Flink 1.19 does not expose the enumerator's (JobManager operator) metrics over REST.
   */
  record Progress(int splitsTotal, int splitsDone, int tablesTotal, int tablesDone) implements SourceEvent {}

  /** Enumerator to one reader: emit the "done" marker of this table's snapshot. */
  record TableDone(String table, int generation) implements SourceEvent {}
}
