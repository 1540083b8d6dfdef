package dev.pipelines.cdc.job.snapshot;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * The enumerator's counts, sent to every snapshot reader whenever they change: Flink 1.19's REST
 * API does not serve the enumerator's (JobManager operator) metrics (its jm-operator-metrics
 * endpoint answers 404), so the readers publish them as gauges ({@link SnapshotProgressGauges}).
 *
 * @param splitsTotal splits in the snapshot
 * @param splitsDone splits read to their end (neither unassigned nor being read)
 * @param tablesTotal captured tables
 * @param tablesDone captured tables none of whose splits is unassigned or being read
 */
record SnapshotProgress(int splitsTotal, int splitsDone, int tablesTotal, int tablesDone) implements SourceEvent {
  private static final long serialVersionUID = 1L;

  /**
   * @param tables every captured table ({@code schema.table})
   * @param pending the splits not yet read to their end (unassigned or being read)
   */
  static SnapshotProgress of(int splitsTotal, List<String> tables, Collection<SnapshotSplit> pending) {
    Set<String> unfinished = new HashSet<>();
    for (SnapshotSplit split : pending) {
      unfinished.add(split.table());
    }
    int tablesDone = (int) tables.stream().filter(t -> !unfinished.contains(t)).count();
    return new SnapshotProgress(splitsTotal, splitsTotal - pending.size(), tables.size(), tablesDone);
  }
}
