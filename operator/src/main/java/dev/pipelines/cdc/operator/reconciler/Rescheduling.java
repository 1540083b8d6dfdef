package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.CredentialsCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When to reconcile again without an event. Pure. */
final class Rescheduling {
  private Rescheduling() {}

  /**
   * Secrets are not watched (that would need list/watch on every Secret): a pipeline waiting for
   * one looks again every secretRecheckInterval. A failing preflight is retried with backoff. A
   * checked pipeline is checked again, and its slot read, every slotStatusInterval. An invalid
   * spec waits for the next change.
   */
  static Optional<Duration> next(OperatorSettings settings, Optional<CredentialsCheck> credentials,
      Optional<PreflightReport> preflight, CdcPipelineStatus status, Instant now) {
    if (credentials.isPresent() && !credentials.get().ok()) {
      return Optional.of(settings.secretRecheckInterval());
    }
    if (preflight.isEmpty()) {
      return Optional.empty();
    }
    if (!preflight.get().passed()) {
      Instant since = List.of(ConditionTypes.SOURCE_READY, ConditionTypes.SINK_READY).stream()
          .flatMap(type -> status.conditions().stream().filter(c -> c.type().equals(type)))
          .filter(c -> !c.isTrue())
          .map(Condition::lastTransitionTime)
          .map(Instant::parse)
          .min(Instant::compareTo)
          .orElse(now);
      return Optional.of(Backoff.delay(since, now));
    }
    return Optional.of(settings.slotStatusInterval());
  }
}
