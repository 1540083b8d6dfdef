package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.validation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusFactoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
  private static final CredentialsCheck CREDS_OK = new CredentialsCheck(true, Reasons.SECRETS_FOUND, "ok");
  private static final FlinkJobObservation RUNNING = new FlinkJobObservation("orders", "RUNNING", "STABLE", null);

  @Test
  void runningJobIsReady() {
    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, RUNNING, false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Running);
    assertThat(s.observedGeneration()).isEqualTo(2L);
    assertThat(s.jobState()).isEqualTo("RUNNING");
    assertThat(s.flinkDeployment()).isEqualTo("orders");
    assertThat(s.lastError()).isNull();
    assertThat(cond(s, ConditionTypes.READY)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo(Reasons.RUNNING);
      assertThat(c.observedGeneration()).isEqualTo(2L);
      assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    });
    assertThat(s.conditions()).extracting(Condition::type)
        .containsExactly("CredentialsReady", "JobRunning", "Ready", "SinkReady", "SlotLagging", "SourceReady",
            "SourceWarnings", "SpecValid");
  }

  @Test
  void failedJobCarriesFlinkErrorIntoReadyAndLastError() {
    FlinkJobObservation failed = new FlinkJobObservation("orders", "FAILED", "FAILED", "Connection refused: pg:5432");

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, failed, false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Failed);
    assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(Reasons.JOB_FAILED);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).message()).isEqualTo("Connection refused: pg:5432");
    assertThat(s.lastError()).isEqualTo("Connection refused: pg:5432");
  }

  @Test
  void missingSecretIsPendingWithItsReason() {
    CredentialsCheck missing = new CredentialsCheck(false, Reasons.SECRET_NOT_FOUND, "Secret data/pg-cdc not found");

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), missing, null, false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Pending);
    assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(Reasons.SECRET_NOT_FOUND);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).reason()).isEqualTo(Reasons.NOT_DEPLOYED);
  }

  @Test
  void invalidSpecSaysTheRunningJobKeepsItsLastSpec() {
    List<Violation> bad = List.of(new Violation("spec.job.parallelism", "must be at least 1"));

    CdcPipelineStatus s = StatusFactory.build(null, new Observation(2, bad, Optional.empty(), Optional.empty(), Optional.of(RUNNING), false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Invalid);
    assertThat(cond(s, ConditionTypes.SPEC_VALID).message())
        .isEqualTo("spec.job.parallelism: must be at least 1 (the running job keeps its last valid spec)");
    assertThat(cond(s, ConditionTypes.CREDENTIALS_READY).status()).isEqualTo("Unknown");
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).status()).isEqualTo("True");
    assertThat(s.jobState()).isEqualTo("RUNNING");
  }

  @Test
  void suspendedOnRequest() {
    FlinkJobObservation suspended = new FlinkJobObservation("orders", "FINISHED", "SUSPENDED", null);

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, suspended, true), T0);

    assertThat(s.phase()).isEqualTo(Phase.Suspended);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).message()).contains("replication slot is kept");
  }

  /** Created suspended: the Flink operator never deploys it and leaves it CREATED, so it is suspended, not suspending. */
  @Test
  void createdSuspendedIsSuspended() {
    FlinkJobObservation created = new FlinkJobObservation("orders", null, "CREATED", null, Optional.empty(), true,
        false, false);

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, created, true), T0);

    assertThat(s.phase()).isEqualTo(Phase.Suspended);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).message()).contains("replication slot is kept");
  }

  /** The Flink operator's JobManager deployment ERROR (its pod cannot start): JobFailed with its message. */
  @Test
  void aJobManagerInErrorIsFailed() {
    FlinkJobObservation error = new FlinkJobObservation("orders", "RECONCILING", "DEPLOYED",
        "Back-off pulling image \"x\"", Optional.empty(), true, true, true);

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, error, false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Failed);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).reason()).isEqualTo(Reasons.JOB_FAILED);
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).message()).isEqualTo("Back-off pulling image \"x\"");
  }

  @Test
  void deployingUntilFlinkReportsRunning() {
    FlinkJobObservation deploying = new FlinkJobObservation("orders", "RECONCILING", "DEPLOYED", null);

    CdcPipelineStatus s = StatusFactory.build(null, seen(List.of(), CREDS_OK, deploying, false), T0);

    assertThat(s.phase()).isEqualTo(Phase.Deploying);
    assertThat(cond(s, ConditionTypes.READY).reason()).isEqualTo(Reasons.DEPLOYING);
  }

  @Test
  void unchangedObservationGivesAnEqualStatusSoNothingIsWritten() {
    CdcPipelineStatus first = StatusFactory.build(null, seen(List.of(), CREDS_OK, RUNNING, false), T0);

    CdcPipelineStatus again = StatusFactory.build(first, seen(List.of(), CREDS_OK, RUNNING, false), T1);

    assertThat(again).isEqualTo(first);
  }

  @Test
  void transitionMovesOnlyTheFlippedConditionsTime() {
    // As the Flink operator 1.10 writes a submitted job: RECONCILING until Flink reports it.
    FlinkJobObservation deploying = new FlinkJobObservation("orders", "RECONCILING", "DEPLOYED", null);
    CdcPipelineStatus first = StatusFactory.build(null, seen(List.of(), CREDS_OK, deploying, false), T0);

    CdcPipelineStatus running = StatusFactory.build(first, seen(List.of(), CREDS_OK, RUNNING, false), T1);

    assertThat(cond(running, ConditionTypes.READY).lastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(cond(running, ConditionTypes.JOB_RUNNING).lastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(cond(running, ConditionTypes.SPEC_VALID).lastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(cond(running, ConditionTypes.CREDENTIALS_READY).lastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void reconcileErrorTurnsReadyFalseAndKeepsWhatWasObserved() {
    CdcPipelineStatus running = StatusFactory.build(null, seen(List.of(), CREDS_OK, RUNNING, false), T0);

    CdcPipelineStatus failed = StatusFactory.withError(running, 3, "KubernetesClientException: Forbidden", T1);

    assertThat(cond(failed, ConditionTypes.READY)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("False");
      assertThat(c.reason()).isEqualTo(Reasons.RECONCILE_ERROR);
      assertThat(c.message()).isEqualTo("KubernetesClientException: Forbidden (retrying)");
      assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    });
    assertThat(cond(failed, ConditionTypes.JOB_RUNNING)).isEqualTo(cond(running, ConditionTypes.JOB_RUNNING));
    assertThat(failed.lastError()).isEqualTo("KubernetesClientException: Forbidden");
    assertThat(failed.jobState()).isEqualTo("RUNNING");
    assertThat(failed.observedGeneration()).isEqualTo(3L);
  }

  @Test
  void aRunningJobWhoseStreamHasNotBegunIsNotReadyAndSaysSo() {
    CdcPipelineStatus s = StatusFactory.build(null, streamSeen(new StreamObservation.NotStarted()), T0);

    assertThat(cond(s, ConditionTypes.STREAMING)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("False");
      assertThat(c.reason()).isEqualTo(Reasons.STREAM_NOT_STARTED);
      assertThat(c.message()).contains("has not begun");
    });
    assertThat(cond(s, ConditionTypes.READY)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("False");
      assertThat(c.reason()).isEqualTo(Reasons.STREAM_NOT_STARTED);
    });
    assertThat(cond(s, ConditionTypes.JOB_RUNNING).status()).isEqualTo("True");
    assertThat(s.phase()).isEqualTo(Phase.Running);
  }

  @Test
  void onceTheStreamHasBegunThePipelineIsReadyAndTheConditionFlips() {
    CdcPipelineStatus before = StatusFactory.build(null, streamSeen(new StreamObservation.NotStarted()), T0);
    CdcPipelineStatus s = StatusFactory.build(before, streamSeen(new StreamObservation.Started()), T1);

    assertThat(cond(s, ConditionTypes.STREAMING)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo(Reasons.STREAM_STARTED);
      assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    });
    assertThat(cond(s, ConditionTypes.READY).status()).isEqualTo("True");
  }

  @Test
  void aStreamNotKnownIsUnknownAndDoesNotHoldReadyBack() {
    CdcPipelineStatus unread = StatusFactory.build(null,
        streamSeen(new StreamObservation.Unreadable("the JobManager's REST API at http://jm:8081/ could not be read")),
        T0);
    assertThat(cond(unread, ConditionTypes.STREAMING)).satisfies(c -> {
      assertThat(c.status()).isEqualTo("Unknown");
      assertThat(c.reason()).isEqualTo(Reasons.JOB_UNREADABLE);
      assertThat(c.message()).contains("http://jm:8081/");
    });
    assertThat(cond(unread, ConditionTypes.READY).status()).isEqualTo("True");

    CdcPipelineStatus notYet = StatusFactory.build(null, streamSeen(new StreamObservation.NotYet("no metrics yet")), T0);
    assertThat(cond(notYet, ConditionTypes.STREAMING).reason()).isEqualTo(Reasons.NOT_REPORTED_YET);
    assertThat(cond(notYet, ConditionTypes.READY).status()).isEqualTo("True");
  }

  private static Observation streamSeen(StreamObservation stream) {
    return new Observation(2, List.of(), Optional.of(CREDS_OK), Optional.of(FakeDatabases.passed()),
        Optional.of(RUNNING), false, Optional.empty(), Optional.empty(), Optional.of(stream));
  }

  private static Observation seen(List<Violation> violations, CredentialsCheck creds, FlinkJobObservation job, boolean suspend) {
    return new Observation(2, violations, Optional.of(creds),
        creds.ok() ? Optional.of(FakeDatabases.passed()) : Optional.empty(), Optional.ofNullable(job), suspend);
  }

  private static Condition cond(CdcPipelineStatus s, String type) {
    return Conditions.find(s.conditions(), type).orElseThrow();
  }
}
