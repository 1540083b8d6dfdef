package dev.pipelines.cdc.job.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The snapshot enumerator's checkpoint: an immutable value, built fresh at every checkpoint from
 * the enumerator's own fields (nothing else mutates them: no background thread).
 *
 * <p>With the readers' states (each holds the splits it was assigned and has not finished) it is
 * every split not yet finished. A split a reader finished before the checkpoint barrier is in
 * neither: all its rows were emitted before the barrier, so the sink holds them in that checkpoint.
 *
 * @param unassigned splits no reader has been given yet, in assignment order
 * @param open every split not known to be finished (unassigned or assigned), id to table: after a
 *     restore, an assigned one that no reader holds any more was finished before the barrier
 * @param tables every captured table's snapshot, in plan order
 * @param nextGeneration the generation the next table planned gets
 * @param snapshotName the snapshot the slot exported; empty when the slot was kept (no export)
 * @param consistentPoint where the stream started (LSN text, e.g. {@code 0/16B3748})
 */
public record SnapshotState(List<SnapshotSplit> unassigned, Map<String, String> open, List<TableProgress> tables,
    int nextGeneration, String snapshotName, String consistentPoint) {
  public SnapshotState {
    unassigned = List.copyOf(unassigned);
    open = Map.copyOf(open);
    tables = List.copyOf(tables);
    Objects.requireNonNull(snapshotName, "snapshotName");
    Objects.requireNonNull(consistentPoint, "consistentPoint");
  }

  public int splitsTotal() {
    return tables.stream().mapToInt(TableProgress::splitsTotal).sum();
  }
}
