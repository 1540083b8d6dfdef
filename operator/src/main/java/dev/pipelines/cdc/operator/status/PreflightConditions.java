package dev.pipelines.cdc.operator.status;

import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.FALSE;
import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.TRUE;
import static dev.pipelines.cdc.operator.api.v1alpha1.Condition.UNKNOWN;

import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.database.SlotReading;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.spec.ByteSizes;
import java.util.Optional;

/** Preflight report → SourceReady, SinkReady, SourceWarnings, SlotLagging and status.source. Pure. */
final class PreflightConditions {
  static final String NOT_CHECKED_MESSAGE = "not checked until the spec is valid and both Secrets exist";

  private PreflightConditions() {}

  static Condition sourceReady(Optional<PreflightReport> preflight, long gen) {
    return preflight.map(p -> fromCheck(ConditionTypes.SOURCE_READY, p.source().check(), gen))
        .orElse(notChecked(ConditionTypes.SOURCE_READY, gen));
  }

  static Condition sinkReady(Optional<PreflightReport> preflight, long gen) {
    return preflight.map(p -> fromCheck(ConditionTypes.SINK_READY, p.sink(), gen))
        .orElse(notChecked(ConditionTypes.SINK_READY, gen));
  }

  /** A warning condition: True means there is something to look at. */
  static Condition sourceWarnings(Optional<PreflightReport> preflight, long gen) {
    if (preflight.isEmpty() || !preflight.get().source().inspected()) {
      return notChecked(ConditionTypes.SOURCE_WARNINGS, gen);
    }
    return preflight.get().source().replicaIdentityWarning()
        .map(w -> new Condition(ConditionTypes.SOURCE_WARNINGS, TRUE, gen, null, Reasons.REPLICA_IDENTITY_NOT_FULL, w))
        .orElse(new Condition(ConditionTypes.SOURCE_WARNINGS, FALSE, gen, null, Reasons.NO_WARNINGS, "no warnings"));
  }

  /** A warning condition: True means the slot lags more than spec.source.postgres.maxLag. */
  static Condition slotLagging(Optional<PreflightReport> preflight, long gen) {
    if (preflight.isEmpty()) {
      return notChecked(ConditionTypes.SLOT_LAGGING, gen);
    }
    PreflightReport p = preflight.get();
    SourceReport source = p.source();
    if (!source.inspected()) {
      return new Condition(ConditionTypes.SLOT_LAGGING, UNKNOWN, gen, null, source.check().reason(),
          "slot " + p.slotName() + " not read: " + source.check().message());
    }
    if (source.slotReadError().isPresent()) {
      return new Condition(ConditionTypes.SLOT_LAGGING, UNKNOWN, gen, null, Reasons.SLOT_UNREADABLE,
          "pg_replication_slots could not be read as the pipeline's user: " + source.slotReadError().get());
    }
    if (source.slot().isEmpty()) {
      return new Condition(ConditionTypes.SLOT_LAGGING, FALSE, gen, null, Reasons.SLOT_NOT_CREATED,
          "slot " + p.slotName() + " does not exist yet; the job creates it when it first starts");
    }
    SlotReading slot = source.slot().get();
    long lag = slot.lagBytes() == null ? 0 : slot.lagBytes();
    String figures = "slot " + p.slotName() + " is " + ByteSizes.human(lag) + " behind (threshold "
        + ByteSizes.human(p.maxLagBytes()) + ")";
    if (lag > p.maxLagBytes()) {
      return new Condition(ConditionTypes.SLOT_LAGGING, TRUE, gen, null, Reasons.LAG_ABOVE_THRESHOLD,
          figures + (slot.active() ? "" : " and no consumer is connected (job stopped or suspended)")
              + "; PostgreSQL keeps " + ByteSizes.human(slot.retainedWalBytes() == null ? 0 : slot.retainedWalBytes())
              + " of WAL for it");
    }
    // Figures would change the message (and so the status) on every reading: the numbers live in status.source.
    return new Condition(ConditionTypes.SLOT_LAGGING, FALSE, gen, null, Reasons.LAG_WITHIN_THRESHOLD,
        "slot " + p.slotName() + " lags less than " + ByteSizes.human(p.maxLagBytes()) + " (see status.source.lagBytes)");
  }

  /**
   * The slot as just read; while the database cannot be read, the last figures stay (the
   * SlotLagging condition says they could not be refreshed).
   */
  static SourceStatus sourceStatus(SourceStatus previous, Optional<PreflightReport> preflight) {
    if (preflight.isEmpty()) {
      return previous;
    }
    PreflightReport p = preflight.get();
    SourceReport source = p.source();
    boolean sameNames = previous != null && p.slotName().equals(previous.slotName())
        && p.publicationName().equals(previous.publicationName());
    if (!source.inspected() || source.slotReadError().isPresent()) {
      return sameNames ? previous : SourceStatus.names(p.slotName(), p.publicationName());
    }
    return source.slot()
        .map(s -> new SourceStatus(p.slotName(), p.publicationName(), true, s.active(), s.confirmedFlushLsn(),
            s.retainedWalBytes(), s.lagBytes()))
        .orElse(new SourceStatus(p.slotName(), p.publicationName(), false, null, null, null, null));
  }

  private static Condition fromCheck(String type, CheckResult check, long gen) {
    if (check.ok()) {
      return new Condition(type, TRUE, gen, null, check.reason(), check.message());
    }
    String consequence = check.transientFailure()
        ? "; retrying with backoff, a running job is left as it is"
        : "; nothing is deployed or changed until this is fixed (checked again periodically)";
    return new Condition(type, FALSE, gen, null, check.reason(), check.message() + consequence);
  }

  private static Condition notChecked(String type, long gen) {
    return new Condition(type, UNKNOWN, gen, null, Reasons.NOT_CHECKED, NOT_CHECKED_MESSAGE);
  }
}
