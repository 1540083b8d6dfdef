package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.status.CredentialsCheck;
import dev.pipelines.cdc.operator.status.Observation;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.status.StatusFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReschedulingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final OperatorSettings SETTINGS = TestOperatorSettings.settings();
  private static final Optional<CredentialsCheck> CREDS_OK =
      Optional.of(new CredentialsCheck(true, Reasons.SECRETS_FOUND, "ok"));

  @Test
  void healthyPipelineIsReadAgainEverySlotStatusInterval() {
    Optional<PreflightReport> passed = Optional.of(FakeDatabases.passed());

    assertThat(Rescheduling.next(SETTINGS, CREDS_OK, passed, status(passed, T0), T0)).contains(SETTINGS.slotStatusInterval());
  }

  @Test
  void failingPreflightBacksOffFromWhenItStartedFailing() {
    Optional<PreflightReport> down = Optional.of(FakeDatabases.report(
        SourceReport.unreachable(CheckResult.retry(Reasons.UNREACHABLE, "down")), FakeDatabases.PASSED));
    CdcPipelineStatus failingSinceT0 = status(down, T0);

    assertThat(Rescheduling.next(SETTINGS, CREDS_OK, down, failingSinceT0, T0)).contains(Duration.ofSeconds(5));
    assertThat(Rescheduling.next(SETTINGS, CREDS_OK, down, failingSinceT0, T0.plusSeconds(80))).contains(Duration.ofSeconds(80));
  }

  @Test
  void missingSecretIsLookedForAgainAndInvalidSpecWaitsForAChange() {
    Optional<CredentialsCheck> missing = Optional.of(new CredentialsCheck(false, Reasons.SECRET_NOT_FOUND, "gone"));

    assertThat(Rescheduling.next(SETTINGS, missing, Optional.empty(), status(Optional.empty(), T0), T0))
        .contains(SETTINGS.secretRecheckInterval());
    assertThat(Rescheduling.next(SETTINGS, Optional.empty(), Optional.empty(), status(Optional.empty(), T0), T0)).isEmpty();
  }

  private static CdcPipelineStatus status(Optional<PreflightReport> preflight, Instant at) {
    return StatusFactory.build(null, new Observation(1, List.of(), CREDS_OK, preflight, Optional.empty(), false), at);
  }
}
