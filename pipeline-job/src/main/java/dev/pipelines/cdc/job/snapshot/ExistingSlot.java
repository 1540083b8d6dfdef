package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.util.Optional;

/**
 * A replication slot of the pipeline's name found at a fresh start (no checkpoint: a first deploy
 * onto an existing slot, {@code upgradeMode: stateless}, or a first run that failed before its first
 * checkpoint), and what the job does with it.
 *
 * <p>The slot is <b>kept</b> (not dropped and created again) when it is certainly the pipeline's own:
 * a logical {@code pgoutput} slot in the same database that nothing is reading. The stream then
 * starts at the slot's confirmed position and the snapshot reads every table in fresh snapshots,
 * later than that position; the reconciler ({@code job.reconcile}) keeps a snapshot row from
 * overwriting a newer streamed one, so the end state is exact. Anything else
 * stops the job once with a message naming the slot and the fix: dropping another consumer's slot
 * would break that consumer, and waiting would not change the answer.
 *
 * @param plugin the slot's output plugin ({@code null} for a physical slot)
 * @param database the slot's database ({@code null} for a physical slot)
 * @param activePid the backend reading it, or {@code null} if nothing does
 */
public record ExistingSlot(String name, String plugin, String database, Integer activePid) {

  /** What a fresh start does with the pipeline's slot. */
  public enum Action {
    /** There is none: create it. */
    CREATE,
    /** The pipeline's own, idle: keep it; the stream resumes from its confirmed position. */
    KEEP
  }

  public static Action decide(String slotName, String database, Optional<ExistingSlot> found) {
    if (found.isEmpty()) {
      return Action.CREATE;
    }
    ExistingSlot slot = found.get();
    SlotIdentity.problem(slot, database).ifPresent(problem -> {
      throw stop(problem);
    });
    if (slot.activePid() != null) {
      throw PipelineStop.stop(JobStopReason.SLOT_IN_USE, "replication slot " + slotName + " is in use by backend "
          + slot.activePid() + " (pg_stat_activity"
          + " tells which client): stop that client (another job of this pipeline?) or give the pipeline another"
          + " slotName; the pipeline takes over its own slot at a start without a checkpoint only when nothing"
          + " reads it", null);
    }
    return Action.KEEP;
  }

  static RuntimeException stop(String message) {
    return PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, message, null);
  }
}
