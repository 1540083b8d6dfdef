package dev.pipelines.cdc.job.snapshot;

import java.util.List;
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
 * @param splitsTotal how many splits the snapshot has in all (for progress)
 * @param snapshotName the snapshot the slot exported
 * @param consistentPoint the slot's consistent point (LSN text, e.g. {@code 0/16B3748}): the stream
 *     starts there
 */
public record SnapshotState(List<SnapshotSplit> unassigned, int splitsTotal, String snapshotName,
    String consistentPoint) {
  public SnapshotState {
    unassigned = List.copyOf(unassigned);
    Objects.requireNonNull(snapshotName, "snapshotName");
    Objects.requireNonNull(consistentPoint, "consistentPoint");
  }
}
