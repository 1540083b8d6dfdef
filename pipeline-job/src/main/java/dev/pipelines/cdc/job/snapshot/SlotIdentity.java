package dev.pipelines.cdc.job.snapshot;

import java.util.Optional;

/**
 * Whether a replication slot found under the pipeline's slot name can be the pipeline's own: a
 * logical {@code pgoutput} slot in the database the pipeline reads. Pure. Asked wherever the job
 * meets an existing slot: at a fresh start before re-creating it ({@link ExistingSlot#decide}), at
 * a restore of the snapshot ({@code SnapshotEnumerator}) and at every submission before the graph
 * is built ({@link SlotCheck}). Any other slot belongs to someone else, or cannot be decoded as the
 * stream reads it (pgoutput options sent to {@code test_decoding}, a physical slot, another
 * database's WAL decoding), so the answer never changes by retrying: the job stops once.
 */
public final class SlotIdentity {
  private SlotIdentity() {}

  /** Why {@code slot} is not the pipeline's; empty: it can be. */
  public static Optional<String> problem(ExistingSlot slot, String database) {
    String drop = "SELECT pg_drop_replication_slot('" + slot.name() + "')";
    if (slot.plugin() == null || slot.database() == null) {
      return Optional.of("replication slot " + slot.name() + " exists but is a physical slot, not the pipeline's"
          + " logical pgoutput slot; a standby or backup tool may own it: give the pipeline another slotName, or, if"
          + " nothing needs the slot, drop it (" + drop + ")");
    }
    if (!"pgoutput".equals(slot.plugin())) {
      return Optional.of("replication slot " + slot.name() + " exists but is a logical slot of plugin " + slot.plugin()
          + ", not the pipeline's pgoutput slot; another consumer may own it: give the pipeline another slotName, or,"
          + " if nothing needs the slot, drop it (" + drop + ")");
    }
    if (!database.equals(slot.database())) {
      return Optional.of("replication slot " + slot.name() + " exists in database " + slot.database() + ", not in "
          + database + " where the pipeline reads: give the pipeline another slotName, or, if nothing needs the slot,"
          + " drop it there (" + drop + ")");
    }
    return Optional.empty();
  }
}
