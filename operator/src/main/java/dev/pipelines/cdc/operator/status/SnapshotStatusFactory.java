package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.config.plan.RowEstimates;
import dev.pipelines.cdc.config.progress.SnapshotFigures;
import dev.pipelines.cdc.config.progress.SnapshotPercent;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotPhase;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * Snapshot observation → {@code status.snapshot}. Pure. A snapshot once Done stays Done while the
 * job shows no figures or cannot be read (a job restored after its snapshot starts with the stream
 * and never registers them); the figures stay as last read while they cannot be read (Unknown) or the job is
 * restarting (Pending). {@code lastUpdated} moves only when something else changed, so an
 * unchanged snapshot writes no status.
 */
public final class SnapshotStatusFactory {
  static final String DONE = "done";
  static final String PENDING = "pending";
  static final String UNKNOWN = "unknown";

  private SnapshotStatusFactory() {}

  public static SnapshotStatus build(SnapshotStatus previous, SnapshotObservation seen, Instant now) {
    SnapshotStatus next;
    if (seen instanceof SnapshotObservation.Read read) {
      next = read(read.figures(), read.rowsEstimated());
    } else if (previous != null && previous.phase() == SnapshotPhase.Done) {
      // Done is final: a restored job has no snapshot figures, and nothing more to copy.
      return previous;
    } else if (seen instanceof SnapshotObservation.NotYet notYet) {
      next = withPhase(previous, SnapshotPhase.Pending, PENDING, notYet.message());
    } else {
      next = withPhase(previous, SnapshotPhase.Unknown, UNKNOWN, ((SnapshotObservation.Unreadable) seen).message());
    }
    return stamped(previous, next, now);
  }

  private static SnapshotStatus read(SnapshotFigures f, long rowsEstimated) {
    boolean done = f.done();
    int percent = SnapshotPercent.of(f, rowsEstimated);
    return new SnapshotStatus(done ? SnapshotPhase.Done : SnapshotPhase.Running, done ? DONE : percent + "%", percent,
        f.tablesDone(), f.tablesTotal(), f.splitsDone(), f.splitsTotal(), f.rowsCopied(),
        rowsEstimated == RowEstimates.UNKNOWN ? null : rowsEstimated, null, null);
  }

  /** The previous figures (if any) under another phase. */
  private static SnapshotStatus withPhase(SnapshotStatus previous, SnapshotPhase phase, String progress,
      String message) {
    if (previous == null) {
      return new SnapshotStatus(phase, progress, null, null, null, null, null, null, null, null, message);
    }
    return new SnapshotStatus(phase, progress, previous.percent(), previous.tablesDone(), previous.tablesTotal(),
        previous.splitsDone(), previous.splitsTotal(), previous.rowsCopied(), previous.rowsEstimated(),
        previous.lastUpdated(), message);
  }

  /** {@code next} with {@code lastUpdated}: the previous one if nothing else changed, else now. */
  private static SnapshotStatus stamped(SnapshotStatus previous, SnapshotStatus next, Instant now) {
    String kept = previous == null ? null : previous.lastUpdated();
    SnapshotStatus unchanged = withLastUpdated(next, kept);
    if (previous != null && kept != null && Objects.equals(unchanged, previous)) {
      return previous;
    }
    return withLastUpdated(next, now.toString());
  }

  private static SnapshotStatus withLastUpdated(SnapshotStatus s, String lastUpdated) {
    return new SnapshotStatus(s.phase(), s.progress(), s.percent(), s.tablesDone(), s.tablesTotal(), s.splitsDone(),
        s.splitsTotal(), s.rowsCopied(), s.rowsEstimated(), lastUpdated, s.message());
  }
}
