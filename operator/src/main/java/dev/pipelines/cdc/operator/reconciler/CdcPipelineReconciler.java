package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.progress.RestSnapshotProgress;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.secret.SecretReads;
import dev.pipelines.cdc.operator.dependent.DesiredResourcesInContext;
import dev.pipelines.cdc.operator.dependent.FlinkDeploymentDependent;
import dev.pipelines.cdc.operator.dependent.PipelineConfigMapDependent;
import dev.pipelines.cdc.operator.desired.DesiredResources;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Conditions;
import dev.pipelines.cdc.operator.status.CredentialsCheck;
import dev.pipelines.cdc.operator.status.FlinkJobObservation;
import dev.pipelines.cdc.operator.status.Observation;
import dev.pipelines.cdc.operator.status.StatusFactory;
import dev.pipelines.cdc.operator.status.StopHold;
import dev.pipelines.cdc.operator.spec.Transforms;
import dev.pipelines.cdc.operator.validation.CdcPipelineValidator;
import dev.pipelines.cdc.operator.validation.TransformChange;
import dev.pipelines.cdc.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Observe → validate → preflight → write → report. The dependents are invoked explicitly, and
 * only for a valid spec with its Secrets in place and databases that pass preflight: an invalid
 * change, or a database that is down or not ready, leaves the last good FlinkDeployment running
 * as it was. On delete, the pipeline's replication slot and publication are dropped (Cleaner).
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = PipelineConfigMapDependent.NAME, type = PipelineConfigMapDependent.class),
      @Dependent(name = FlinkDeploymentDependent.NAME, type = FlinkDeploymentDependent.class,
          dependsOn = PipelineConfigMapDependent.NAME)
    })
@ControllerConfiguration(name = "cdcpipeline")
// A failed reconcile is retried with backoff, at most RETRY_MAX_INTERVAL_MS apart, for as long as it
// fails. java-operator-sdk's default gives up after 5 retries (~20 s) and then waits for the next
// event or 10 hours: a real API server refused every write for ~30 s after a restart (its admission
// REST mapper did not know the CRD yet), and a pipeline created meanwhile was never deployed.
@GradualRetry(maxAttempts = CdcPipelineReconciler.RETRY_FOREVER, maxInterval = CdcPipelineReconciler.RETRY_MAX_INTERVAL_MS)
public class CdcPipelineReconciler implements Reconciler<CdcPipeline>, Cleaner<CdcPipeline> {
  /** java-operator-sdk's value for "no limit on retry attempts". */
  static final int RETRY_FOREVER = -1;
  static final long RETRY_MAX_INTERVAL_MS = 30_000;

  private final OperatorSettings settings;
  private final CdcPipelineValidator validator;
  private final Clock clock;
  private final EventRecorder events;
  private final Preflight preflight;
  private final SourceCleanup cleanup;
  private final SlotMetrics metrics;
  private final SnapshotReading snapshot;
  private final StreamReading stream;
  private final SecretReads secretReads;

  public CdcPipelineReconciler(OperatorSettings settings, Clock clock, Databases databases, SlotMetrics metrics) {
    this(settings, clock, databases, metrics, RestSnapshotProgress.inCluster());
  }

  /** @param progress how the snapshot's progress is read from a running job (tests pass a fake REST server's address) */
  public CdcPipelineReconciler(OperatorSettings settings, Clock clock, Databases databases, SlotMetrics metrics,
      SnapshotProgress progress) {
    this.snapshot = new SnapshotReading(progress);
    this.stream = new StreamReading(progress);
    this.settings = settings;
    this.validator = new CdcPipelineValidator(settings);
    this.clock = clock;
    this.events = new EventRecorder(clock);
    this.preflight = new Preflight(databases);
    this.cleanup = new SourceCleanup(databases.cleaner(), events, clock);
    this.metrics = metrics;
    this.secretReads = new SecretReads(
        SecretReads.ttlFor(settings.secretRecheckInterval(), settings.slotStatusInterval()), clock);
  }

  @Override
  public UpdateControl<CdcPipeline> reconcile(CdcPipeline pipeline, Context<CdcPipeline> context) {
    List<Violation> violations = new ArrayList<>(validator.validate(pipeline));
    if (violations.isEmpty()) {
      // A transform changed under a running job is refused like an invalid spec: the last good one keeps running.
      TransformChange.of(context.getSecondaryResource(ConfigMap.class), Transforms.of(pipeline.getSpec().transforms()))
          .ifPresent(violations::add);
    }
    // Each Secret is read once per pass, for the key check and then for preflight; and, within a few
    // seconds, once for all passes and pipelines (SecretReads).
    Map<String, Optional<Secret>> read = new HashMap<>();
    Function<String, Optional<Secret>> secrets = name -> read.computeIfAbsent(name,
        n -> secretReads.get(context.getClient(), pipeline.getMetadata().getNamespace(), n));
    Optional<CredentialsCheck> credentials =
        violations.isEmpty() ? Optional.of(CredentialsCheck.of(pipeline, secrets)) : Optional.empty();
    // Preflight reads the databases before anything is created or changed.
    Optional<PreflightReport> checked = credentials.filter(CredentialsCheck::ok).map(c -> preflight.run(pipeline, secrets));
    boolean suspend = pipeline.getSpec() != null && pipeline.getSpec().job().suspend();
    // Suspending never needs the databases, so a failing preflight does not prevent it.
    boolean deployable = checked.map(p -> p.passed() || suspend).orElse(false);

    // A job that stopped on a refused row or a TRUNCATE is held suspended until the spec changes.
    long generation = pipeline.getMetadata().getGeneration();
    Optional<StopHold.Held> held = StopHold.of(generation, pipeline.getStatus(),
        context.getSecondaryResource(FlinkDeployment.class).map(FlinkJobObservation::of));

    if (deployable) {
      DesiredResourcesInContext.put(context, DesiredResources.of(pipeline, settings, held.isPresent()));
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }

    Optional<FlinkDeployment> deployment = context.getSecondaryResource(FlinkDeployment.class);
    Observation seen = new Observation(
        generation,
        violations,
        credentials,
        checked,
        deployment.map(FlinkJobObservation::of),
        suspend,
        held,
        snapshot.read(pipeline, deployment, checked),
        stream.read(pipeline, deployment));
    CdcPipelineStatus status = StatusFactory.build(pipeline.getStatus(), seen, clock.instant());
    CdcPipelineStatus before = pipeline.getStatus();
    events.onReadyChange(context.getClient(), pipeline, readyOf(before), readyOf(status));
    for (String warning : List.of(ConditionTypes.SOURCE_WARNINGS, ConditionTypes.SLOT_LAGGING)) {
      events.onWarningChange(context.getClient(), pipeline, condition(before, warning), condition(status, warning));
    }
    metrics.record(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), status.source());

    UpdateControl<CdcPipeline> control =
        status.equals(pipeline.getStatus()) ? UpdateControl.noUpdate() : UpdateControl.patchStatus(withStatus(pipeline, status, context));
    return Rescheduling.next(settings, credentials, checked, status, clock.instant())
        .map(control::rescheduleAfter)
        .orElse(control);
  }

  @Override
  public DeleteControl cleanup(CdcPipeline pipeline, Context<CdcPipeline> context) {
    metrics.forget(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
    // Read fresh: clean-up connects once, with the credentials as they are now.
    return cleanup.run(pipeline, context, name -> secret(context, pipeline, name));
  }

  @Override
  public ErrorStatusUpdateControl<CdcPipeline> updateErrorStatus(CdcPipeline pipeline, Context<CdcPipeline> context, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    CdcPipelineStatus status = StatusFactory.withError(pipeline.getStatus(), pipeline.getMetadata().getGeneration(), error, clock.instant());
    events.onReadyChange(context.getClient(), pipeline, readyOf(pipeline.getStatus()), readyOf(status));
    return ErrorStatusUpdateControl.patchStatus(withStatus(pipeline, status, context));
  }

  private static Optional<Secret> secret(Context<CdcPipeline> context, CdcPipeline pipeline, String name) {
    return Optional.ofNullable(
        context.getClient().secrets().inNamespace(pipeline.getMetadata().getNamespace()).withName(name).get());
  }

  private static Condition readyOf(CdcPipelineStatus status) {
    return condition(status, ConditionTypes.READY);
  }

  private static Condition condition(CdcPipelineStatus status, String type) {
    return status == null ? null : Conditions.find(status.conditions(), type).orElse(null);
  }

  /**
   * With server-side apply the patch must carry only identity and status (anything else would be
   * claimed by the status field manager); a merge patch needs the object as read.
   */
  private static CdcPipeline withStatus(CdcPipeline pipeline, CdcPipelineStatus status, Context<CdcPipeline> context) {
    if (context.getControllerConfiguration().getConfigurationService().useSSAToPatchPrimaryResource()) {
      return StatusPatch.of(pipeline, status);
    }
    pipeline.setStatus(status);
    return pipeline;
  }
}
