package dev.pipelines.cdc.job.snapshot;

import java.util.Objects;

/**
 * One captured table's snapshot, as the enumerator tracks it.
 *
 * @param table {@code schema.table}
 * @param generation a number the enumerator gives each table when it plans its snapshot, never
 *     given twice: a table removed from the pipeline and added again later is a new generation, so
 *     a "done" marker of the earlier one can never be taken for the later one's
 * @param splitsTotal how many splits its snapshot has
 * @param status how far its snapshot is
 */
public record TableProgress(String table, int generation, int splitsTotal, Status status) {
  /** How far a table's snapshot is. */
  public enum Status {
    /** Some split is not finished. */
    READING,
    /** Every split finished; waiting for a checkpoint taken after that to complete. */
    READ,
    /**
     * That checkpoint completed: every snapshot row of the table has passed the reconciler (aligned
     * checkpoints), so its "done" marker may clear the reconciler's marks of the table.
     */
    DONE
  }

  public TableProgress {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(status, "status");
  }

  TableProgress with(Status next) {
    return new TableProgress(table, generation, splitsTotal, next);
  }
}
