package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.database.SlotReading;
import dev.pipelines.cdc.operator.database.SourceReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How preflight reports and slot readings turn into conditions and status.source. */
class PreflightStatusTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final CredentialsCheck CREDS_OK = new CredentialsCheck(true, Reasons.SECRETS_FOUND, "ok");
  private static final FlinkJobObservation RUNNING = new FlinkJobObservation("orders", "RUNNING", "STABLE", null);
  private static final SlotReading SLOT = new SlotReading(true, "0/16B3748", 4096L, 1024L);

  @Test
  void eachSourceFailureReasonBecomesSourceReadyAndReady() {
    for (String reason : List.of(Reasons.WAL_LEVEL_NOT_LOGICAL, Reasons.MISSING_REPLICATION_PRIVILEGE,
        Reasons.TABLE_NOT_FOUND, Reasons.MISSING_PRIMARY_KEY, Reasons.AUTHENTICATION_FAILED,
        Reasons.NO_FREE_REPLICATION_SLOTS, Reasons.MISSING_SELECT_PRIVILEGE, Reasons.DATABASE_NOT_FOUND)) {
      PreflightReport report = FakeDatabases.report(
          FakeDatabases.sourceReport(CheckResult.failed(reason, "what is wrong"), Optional.empty()), FakeDatabases.PASSED);

      CdcPipelineStatus s = StatusFactory.build(null, seen(report, null), T0);

      assertThat(cond(s, ConditionTypes.SOURCE_READY)).satisfies(c -> {
        assertThat(c.status()).isEqualTo("False");
        assertThat(c.reason()).isEqualTo(reason);
        assertThat(c.message()).isEqualTo("what is wrong; nothing is deployed or changed until this is fixed"
            + " (checked again periodically)");
      });
      assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(reason);
      assertThat(s.phase()).isEqualTo(Phase.Pending);
    }
  }

  @Test
  void unreachableDatabaseUnderARunningJobKeepsItsPhaseAndLastFigures() {
    PreflightReport healthy = FakeDatabases.report(FakeDatabases.sourceReport(FakeDatabases.PASSED, Optional.of(SLOT)),
        FakeDatabases.PASSED);
    CdcPipelineStatus before = StatusFactory.build(null, seen(healthy, RUNNING), T0);
    PreflightReport down = FakeDatabases.report(
        SourceReport.unreachable(CheckResult.retry(Reasons.UNREACHABLE, "PostgreSQL at pg:5432/shop is unreachable")),
        FakeDatabases.PASSED);

    CdcPipelineStatus s = StatusFactory.build(before, seen(down, RUNNING), T0.plusSeconds(30));

    assertThat(s.phase()).isEqualTo(Phase.Running);
    assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(Reasons.UNREACHABLE);
    assertThat(cond(s, ConditionTypes.SOURCE_READY).message())
        .endsWith("; retrying with backoff, a running job is left as it is");
    assertThat(cond(s, ConditionTypes.SLOT_LAGGING)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("Unknown");
      assertThat(c.reason()).isEqualTo(Reasons.UNREACHABLE);
    });
    assertThat(cond(s, ConditionTypes.SOURCE_WARNINGS).status()).isEqualTo("Unknown");
    assertThat(s.source()).isEqualTo(before.source());
    assertThat(s.source().lagBytes()).isEqualTo(1024L);
  }

  @Test
  void sinkFailureHasItsOwnCondition() {
    PreflightReport report = FakeDatabases.report(FakeDatabases.sourceReport(FakeDatabases.PASSED, Optional.empty()),
        CheckResult.failed(Reasons.AUTHENTICATION_FAILED, "StarRocks FE refused user 'loader'"));

    CdcPipelineStatus s = StatusFactory.build(null, seen(report, null), T0);

    assertThat(cond(s, ConditionTypes.SOURCE_READY).isTrue()).isTrue();
    assertThat(cond(s, ConditionTypes.SINK_READY).reason()).isEqualTo(Reasons.AUTHENTICATION_FAILED);
    assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(Reasons.AUTHENTICATION_FAILED);
  }

  @Test
  void slotFiguresGoToStatusSourceAndLagAboveThresholdIsAWarning() {
    SlotReading lagging = new SlotReading(false, "0/16B3748", 3L << 30, 2L << 30);
    PreflightReport report = FakeDatabases.report(FakeDatabases.sourceReport(FakeDatabases.PASSED, Optional.of(lagging)),
        FakeDatabases.PASSED);

    CdcPipelineStatus s = StatusFactory.build(null, seen(report, RUNNING), T0);

    assertThat(s.source()).isEqualTo(new SourceStatus("cdc_data_orders", "cdc_data_orders", true, false, "0/16B3748",
        3L << 30, 2L << 30));
    assertThat(cond(s, ConditionTypes.SLOT_LAGGING)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo(Reasons.LAG_ABOVE_THRESHOLD);
      assertThat(c.message()).isEqualTo("slot cdc_data_orders is 2.0 GiB behind (threshold 1.0 GiB) and no consumer"
          + " is connected (job stopped or suspended); PostgreSQL keeps 3.0 GiB of WAL for it");
    });
    assertThat(cond(s, ConditionTypes.READY).isTrue()).as("a warning does not make the pipeline unready").isTrue();
  }

  @Test
  void lagWithinThresholdAndMissingSlot() {
    PreflightReport within = FakeDatabases.report(FakeDatabases.sourceReport(FakeDatabases.PASSED, Optional.of(SLOT)),
        FakeDatabases.PASSED);
    assertThat(cond(StatusFactory.build(null, seen(within, RUNNING), T0), ConditionTypes.SLOT_LAGGING).reason())
        .isEqualTo(Reasons.LAG_WITHIN_THRESHOLD);

    CdcPipelineStatus none = StatusFactory.build(null, seen(FakeDatabases.passed(), null), T0);
    assertThat(cond(none, ConditionTypes.SLOT_LAGGING).reason()).isEqualTo(Reasons.SLOT_NOT_CREATED);
    assertThat(none.source().slotExists()).isFalse();
    assertThat(none.source().lagBytes()).isNull();
  }

  @Test
  void replicaIdentityWarningIsATrueWarningCondition() {
    SourceReport source = new SourceReport(FakeDatabases.PASSED, true, Optional.of("public.orders has TOAST-able columns"),
        Optional.of(SLOT), Optional.empty());

    CdcPipelineStatus s = StatusFactory.build(null, seen(FakeDatabases.report(source, FakeDatabases.PASSED), RUNNING), T0);

    assertThat(cond(s, ConditionTypes.SOURCE_WARNINGS)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo(Reasons.REPLICA_IDENTITY_NOT_FULL);
    });
    assertThat(cond(s, ConditionTypes.READY).isTrue()).isTrue();
  }

  @Test
  void slotThatCannotBeReadIsUnknown() {
    SourceReport source = new SourceReport(FakeDatabases.PASSED, true, Optional.empty(), Optional.empty(),
        Optional.of("permission denied"));

    CdcPipelineStatus s = StatusFactory.build(null, seen(FakeDatabases.report(source, FakeDatabases.PASSED), RUNNING), T0);

    assertThat(cond(s, ConditionTypes.SLOT_LAGGING).reason()).isEqualTo(Reasons.SLOT_UNREADABLE);
    assertThat(s.source()).isEqualTo(SourceStatus.names("cdc_data_orders", "cdc_data_orders"));
  }

  @Test
  void suspendingIsNotBlockedByAFailingPreflight() {
    PreflightReport down = FakeDatabases.report(
        SourceReport.unreachable(CheckResult.retry(Reasons.UNREACHABLE, "down")), FakeDatabases.PASSED);

    CdcPipelineStatus s = StatusFactory.build(null,
        new Observation(2, List.of(), Optional.of(CREDS_OK), Optional.of(down), Optional.empty(), true), T0);

    assertThat(s.phase()).isEqualTo(Phase.Suspended);
  }

  private static Observation seen(PreflightReport report, FlinkJobObservation job) {
    return new Observation(2, List.of(), Optional.of(CREDS_OK), Optional.of(report), Optional.ofNullable(job), false);
  }

  private static Condition cond(CdcPipelineStatus s, String type) {
    return Conditions.find(s.conditions(), type).orElseThrow();
  }
}
