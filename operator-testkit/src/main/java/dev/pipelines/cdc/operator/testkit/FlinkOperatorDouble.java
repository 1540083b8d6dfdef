package dev.pipelines.cdc.operator.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentReconciliationStatus;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus;
import org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus;
import org.apache.flink.kubernetes.operator.api.status.ReconciliationState;
import org.apache.flink.kubernetes.operator.api.status.TaskManagerInfo;
import org.apache.flink.kubernetes.operator.api.utils.SpecUtils;

/**
 * Plays the Apache Flink Kubernetes Operator 1.10.0 on one FlinkDeployment (application mode,
 * native): each step changes the deployment's status as that operator's source at tag
 * {@code release-1.10.0} (commit c70325503016262820ff96280e0364c8081d4f8b) does, and records every
 * status it would patch on the way ({@link #written()}). The javadoc of each step cites the lines it
 * follows, as {@code File.java:LINE} under {@value #SOURCE}; docs/flink-operator.md lists them with
 * what our operator relies on.
 *
 * <p>The lifecycle state is never set here: like the real operator, the status computes it from
 * the reconciliation status and the job state ({@code CommonStatus.getLifecycleState()},
 * flink-kubernetes-operator-api CommonStatus.java:62-95), and Jackson writes what that getter
 * returns. (A test that calls {@code setLifecycleState} alone writes CREATED or FAILED, whatever
 * it set.)
 *
 * <p>Steps the double does not model (a spec change while the job neither runs nor has stopped,
 * rollbacks, session clusters, the autoscaler) throw {@link IllegalStateException} rather than
 * invent a status.
 */
public final class FlinkOperatorDouble {
  /** Where the cited files are, at the tag this double follows. */
  public static final String SOURCE =
      "https://github.com/apache/flink-kubernetes-operator/blob/release-1.10.0/flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/operator/";

  /** {@code KubernetesOperatorConfigOptions.OPERATOR_JOB_RESTART_FAILED} (KubernetesOperatorConfigOptions.java:551-555). */
  public static final String RESTART_FAILED = "kubernetes.operator.job.restart.failed";

  /** {@code JobStatusObserver.JOB_NOT_FOUND_ERR} (observer/JobStatusObserver.java:44). */
  public static final String JOB_NOT_FOUND = "Job Not Found";

  private final FlinkDeployment deployment;
  private final List<FlinkDeploymentStatus> written = new ArrayList<>();
  private final List<String> restoredFrom = new ArrayList<>();

  private FlinkOperatorDouble(FlinkDeployment deployment) {
    this.deployment = deployment;
    if (deployment.getStatus() == null) {
      deployment.setStatus(new FlinkDeploymentStatus());
    }
  }

  /**
   * The Flink operator acting on {@code deployment} as read from the API server: its spec and
   * generation are what it reconciles, its status (none for a new one) what it continues from. The
   * steps change that object's status in place.
   */
  public static FlinkOperatorDouble on(FlinkDeployment deployment) {
    return new FlinkOperatorDouble(Objects.requireNonNull(deployment, "deployment"));
  }

  /** The deployment, its status as after the last step. */
  public FlinkDeployment deployment() {
    return deployment;
  }

  public FlinkDeploymentStatus status() {
    return deployment.getStatus();
  }

  /** Every status the Flink operator patches during the steps so far, in order (copies). */
  public List<FlinkDeploymentStatus> written() {
    return List.copyOf(written);
  }

  // ---------------------------------------------------------------------------------------------
  // Steps, each up to the status patch(es) the real operator makes.

  /**
   * The first reconcile of a new FlinkDeployment.
   *
   * <p>With {@code job.state: suspended} nothing is deployed and nothing is recorded: the status
   * stays before its first deployment, lifecycle CREATED, no observedGeneration
   * (reconciler/deployment/AbstractFlinkResourceReconciler.java:112-115; the controller still
   * patches it, controller/FlinkDeploymentController.java:169).
   *
   * <p>Otherwise the spec is recorded with {@code upgradeMode: stateless} (no initialSavepointPath)
   * and reconciliation state UPGRADING, and patched before the submit
   * (AbstractFlinkResourceReconciler.java:119-120, 221-238; reconciler/ReconciliationUtils.java:108-111,
   * 131-141, 179); a job id is assigned and patched (reconciler/deployment/ApplicationReconciler.java:210-215);
   * the cluster is submitted, job RECONCILING, JobManager DEPLOYING (ApplicationReconciler.java:183-185);
   * the spec is recorded as deployed: state DEPLOYED, lastReconciledSpec with job.state running,
   * observedGeneration = metadata.generation, error cleared (AbstractFlinkResourceReconciler.java:124,
   * ReconciliationUtils.java:83-88, 131-141, 179; api ReconciliationStatus.java:80-84). Lifecycle:
   * DEPLOYED.
   */
  public FlinkOperatorDouble firstReconcile() {
    FlinkDeploymentStatus status = status();
    requireState(status.getReconciliationStatus().isBeforeFirstDeployment(), "already deployed");
    if (spec().getJob() != null && spec().getJob().getState() == JobState.SUSPENDED) {
      patch();
      return this;
    }
    FlinkDeploymentSpec spec = SpecUtils.clone(spec());
    spec.getJob().setUpgradeMode(Optional.ofNullable(spec.getJob().getInitialSavepointPath())
        .map(p -> UpgradeMode.SAVEPOINT).orElse(UpgradeMode.STATELESS));
    recordSpec(spec, JobState.SUSPENDED, ReconciliationState.UPGRADING);
    patch();
    submit(Optional.ofNullable(spec.getJob().getInitialSavepointPath()));
    recordSpec(spec, spec().getJob().getState(), ReconciliationState.DEPLOYED);
    patch();
    return this;
  }

  /**
   * The JobManager Deployment has its replicas available and its port answers: DEPLOYING (or a
   * MISSING JobManager that is in fact there) becomes DEPLOYED_NOT_READY
   * (observer/deployment/AbstractFlinkDeploymentObserver.java:113-129), patched after the observe
   * (FlinkDeploymentController.java:151).
   */
  public FlinkOperatorDouble jobManagerStarted() {
    FlinkDeploymentStatus status = status();
    requireState(status.getJobManagerDeploymentStatus() == JobManagerDeploymentStatus.DEPLOYING,
        "the JobManager is not being deployed (" + status.getJobManagerDeploymentStatus() + ")");
    status.setJobManagerDeploymentStatus(JobManagerDeploymentStatus.DEPLOYED_NOT_READY);
    patch();
    return this;
  }

  /**
   * The next observe: DEPLOYED_NOT_READY becomes READY (AbstractFlinkDeploymentObserver.java:107-111)
   * and, in the same pass, the job is observed (AbstractFlinkDeploymentObserver.java:69-72,
   * observer/JobStatusObserver.java:58-82) with Flink's state {@code flinkState}: see
   * {@link #jobObserved(JobStatus, String)}.
   */
  public FlinkOperatorDouble jobManagerReady(JobStatus flinkState) {
    FlinkDeploymentStatus status = status();
    requireState(status.getJobManagerDeploymentStatus() == JobManagerDeploymentStatus.DEPLOYED_NOT_READY,
        "the JobManager's port is not ready (" + status.getJobManagerDeploymentStatus() + ")");
    status.setJobManagerDeploymentStatus(JobManagerDeploymentStatus.READY);
    observeJob(flinkState, null);
    clearErrorsIfHealthy();
    patch();
    return this;
  }

  /**
   * A deployed job from submission to RUNNING: {@link #jobManagerStarted()}, then
   * {@link #jobManagerReady(JobStatus)} with Flink's RUNNING. The spec is then marked stable
   * (ReconciliationUtils.java:496-506): lifecycle STABLE, error cleared
   * (AbstractFlinkDeploymentObserver.java:191-199).
   */
  public FlinkOperatorDouble jobRunning() {
    return jobManagerStarted().jobManagerReady(JobStatus.RUNNING);
  }

  /** A new FlinkDeployment until its job runs: {@link #firstReconcile()}, then {@link #jobRunning()}. */
  public FlinkOperatorDouble deployedAndRunning() {
    return firstReconcile().jobRunning();
  }

  /**
   * An observe with the JobManager READY that finds Flink's job in {@code flinkState}
   * (JobStatusObserver.java:157-194): the state is Flink's own, as its REST API lists it
   * (INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING,
   * SUSPENDED, RECONCILING). On a change to FAILED the error is the job's failure as JSON
   * ({@code errorJson}, see {@link FlinkStatuses#stoppedJobError}; JobStatusObserver.java:206-227,
   * utils/FlinkResourceExceptionUtils.java:46-63, 82-115); on a change to CANCELED the last
   * reconciled spec is marked suspended (JobStatusObserver.java:178-183, 196-204). A terminal job
   * records its last checkpoint as the path to restore from (observer/SnapshotObserver.java:91-94,
   * 443-460). A RUNNING job makes the spec stable (JobStatusObserver.java:81,
   * ReconciliationUtils.java:496-519), and an error is cleared unless the job FAILED or the spec is
   * not stable (AbstractFlinkDeploymentObserver.java:191-199). Patched after the observe
   * (FlinkDeploymentController.java:151).
   *
   * <p>A FAILED job is then restarted in the same pass when {@value #RESTART_FAILED} is true: call
   * {@link #failedJobRestarted()} next.
   *
   * @param errorJson the failure as the Flink operator writes it, for FAILED; else null
   */
  public FlinkOperatorDouble jobObserved(JobStatus flinkState, String errorJson) {
    requireState(status().getJobManagerDeploymentStatus() == JobManagerDeploymentStatus.READY,
        "the job is observed only with the JobManager READY (AbstractFlinkDeploymentObserver.java:69)");
    requireState((flinkState == JobStatus.FAILED) == (errorJson != null),
        "an error comes with a FAILED job, and only with one");
    observeJob(flinkState, errorJson);
    clearErrorsIfHealthy();
    patch();
    return this;
  }

  /** The running job fails: {@link #jobObserved(JobStatus, String)} with FAILED and its error. */
  public FlinkOperatorDouble jobFailed(String errorJson) {
    return jobObserved(JobStatus.FAILED, Objects.requireNonNull(errorJson, "errorJson"));
  }

  /**
   * The rest of the pass that observed a FAILED job, with {@value #RESTART_FAILED} true and no spec
   * change (reconciler/deployment/AbstractJobReconciler.java:421-430): the cluster is deleted, HA
   * data kept (ApplicationReconciler.java:233-240; service/AbstractFlinkService.java:993-1011),
   * JobManager MISSING, job state left FAILED (AbstractFlinkService.java:1037-1043); the error is
   * cleared (AbstractJobReconciler.java:428); the job is resubmitted from the last checkpoint the
   * observe recorded when the spec's upgradeMode is not stateless, else without state
   * (AbstractJobReconciler.java:541-558, 363-388), under a new job id, patched
   * (ApplicationReconciler.java:210-215); submitted: job RECONCILING, JobManager DEPLOYING
   * (ApplicationReconciler.java:183-185), patched (FlinkDeploymentController.java:169). The last
   * reconciled spec and observedGeneration do not change: the lifecycle is STABLE again if the spec
   * was stable, else DEPLOYED.
   */
  public FlinkOperatorDouble failedJobRestarted() {
    FlinkDeploymentStatus status = status();
    requireState(status.getJobStatus().getState() == JobStatus.FAILED, "the job has not failed");
    requireState(restartFailed(), RESTART_FAILED + " is not true: a FAILED job stays FAILED");
    requireState(!specChanged(), "the spec changed: 1.10 reconciles the change first"
        + " (AbstractFlinkResourceReconciler.java:150-168), see specReconciled()");
    deleteCluster();
    status.setError(null);
    String known = status.getJobStatus().getUpgradeSavepointPath();
    UpgradeMode mode = spec().getJob().getUpgradeMode() != UpgradeMode.STATELESS && known != null
        ? UpgradeMode.SAVEPOINT
        : status.getReconciliationStatus().deserializeLastReconciledSpec().getJob().getUpgradeMode();
    submit(mode == UpgradeMode.SAVEPOINT ? Optional.ofNullable(known) : Optional.empty());
    patch();
    return this;
  }

  /**
   * The JobManager's pod cannot start (ImagePullBackOff, ErrImagePull, CrashLoopBackOff, or a
   * ReplicaFailure FailedCreate): the observe throws DeploymentFailedException
   * (AbstractFlinkDeploymentObserver.java:132-144, 160-185) and the controller sets JobManager
   * ERROR, job RECONCILING and the error (FlinkDeploymentController.java:174-188). The lifecycle is
   * not FAILED for it (api CommonStatus.java:62-95): DEPLOYED, or STABLE for a spec that was stable.
   *
   * @param reason the container's waiting reason, e.g. {@code ImagePullBackOff}
   * @param message the container's waiting message
   */
  public FlinkOperatorDouble jobManagerFailed(String reason, String message) {
    FlinkDeploymentStatus status = status();
    requireState(!status.getReconciliationStatus().isBeforeFirstDeployment(), "nothing deployed");
    requireState(status.getJobManagerDeploymentStatus() != JobManagerDeploymentStatus.READY,
        "a READY JobManager is not checked (AbstractFlinkDeploymentObserver.java:64)");
    status.setJobManagerDeploymentStatus(JobManagerDeploymentStatus.ERROR);
    status.getJobStatus().setState(JobStatus.RECONCILING);
    status.setError(deploymentFailedError(reason, message));
    patch();
    return this;
  }

  /**
   * A pass after our operator changed the FlinkDeployment's spec (a new metadata.generation, or a
   * reconcile left UPGRADING). The diff ignores upgradeMode, initialSavepointPath and the trigger
   * nonces (api spec/JobSpec.java:66-91). What 1.10 does
   * (AbstractJobReconciler.java:109-209, 211-298):
   *
   * <ul>
   *   <li>Running → suspended (a RUNNING job): with upgradeMode savepoint the job is stopped with a
   *       savepoint (AbstractFlinkService.java:410-459), whose path becomes the path to restore from
   *       (ApplicationReconciler.java:223-231, AbstractJobReconciler.java:397-411); native mode keeps
   *       the JobManager (service/NativeFlinkService.java:119-122, SuspendMode.java:31-33); stateless
   *       cancels and last-state keeps the HA data, both deleting the cluster (JobManager MISSING,
   *       AbstractFlinkService.java:313-348, 1037-1043). The job state is set FINISHED in every mode
   *       (AbstractFlinkService.java:346). The spec is recorded suspended and marked stable, the
   *       error cleared, observedGeneration set (AbstractJobReconciler.java:174-176,
   *       ReconciliationUtils.java:83-88, 131-141, 179-183): lifecycle SUSPENDED.
   *   <li>Running → suspended for a job that already stopped (FAILED, FINISHED, CANCELED): nothing is
   *       cancelled; the restore mode is savepoint if a checkpoint is known, else the reconcile fails
   *       with "Job is in terminal state but last checkpoint is unknown" (AbstractJobReconciler.java:224-234;
   *       not modelled: HA metadata left by a failed job). Job state FINISHED, lifecycle SUSPENDED.
   *   <li>Suspended → running: the spec is recorded UPGRADING (patched), then restored from the
   *       recorded savepoint (upgradeMode savepoint or last-state) or without state (stateless)
   *       (AbstractJobReconciler.java:188-207, 363-388); a JobManager still there is deleted first
   *       (ApplicationReconciler.java:165-171); new job id, RECONCILING, DEPLOYING
   *       (ApplicationReconciler.java:173-185); recorded DEPLOYED: lifecycle DEPLOYED until the job
   *       runs.
   *   <li>Running → running with another spec (an upgrade) of a RUNNING job: the job is stopped as
   *       for a suspend and the new spec recorded UPGRADING with job.state suspended
   *       (AbstractJobReconciler.java:152-176, ReconciliationUtils.java:108-111): lifecycle
   *       UPGRADING, job FINISHED; the next pass (call this again) restores it as above. A job that
   *       had already stopped is restored in the same pass (AbstractJobReconciler.java:178-185).
   *   <li>Suspended → suspended with another spec: nothing is done or recorded; lastReconciledSpec
   *       and observedGeneration stay as they were until the resume (AbstractJobReconciler.java:121-130,
   *       188, 208).
   * </ul>
   */
  public FlinkOperatorDouble specReconciled() {
    FlinkDeploymentStatus status = status();
    requireState(!status.getReconciliationStatus().isBeforeFirstDeployment(), "use firstReconcile()");
    FlinkDeploymentReconciliationStatus reconciliation = status.getReconciliationStatus();
    requireState(specChanged(), "no spec change to reconcile");
    FlinkDeploymentSpec last = reconciliation.deserializeLastReconciledSpec();
    JobState current = last.getJob().getState();
    JobState desired = spec().getJob().getState();
    FlinkDeploymentSpec target = SpecUtils.clone(spec());

    if (current == JobState.RUNNING) {
      boolean wasTerminal = terminal();
      UpgradeMode restoreMode = stopForUpgrade();
      target.getJob().setUpgradeMode(restoreMode);
      if (desired == JobState.SUSPENDED) {
        recordSpec(target, JobState.SUSPENDED, ReconciliationState.DEPLOYED);
        reconciliation.markReconciledSpecAsStable();
        patch();
        return this;
      }
      recordSpec(target, JobState.SUSPENDED, ReconciliationState.UPGRADING);
      if (!wasTerminal) {
        // The job was stopped now: the restore waits for the next pass (AbstractJobReconciler.java:178-186, 208).
        patch();
        return this;
      }
      // Already stopped (SuspendMode NOOP): restored in the same pass (AbstractJobReconciler.java:178-185).
      last = reconciliation.deserializeLastReconciledSpec();
    }
    if (desired == JobState.RUNNING) {
      if (target.getJob().getUpgradeMode() != UpgradeMode.STATELESS) {
        target.getJob().setUpgradeMode(last.getJob().getUpgradeMode());
      }
      recordSpec(target, JobState.SUSPENDED, ReconciliationState.UPGRADING);
      patch();
      Optional<String> savepoint = target.getJob().getUpgradeMode() == UpgradeMode.STATELESS
          ? Optional.empty() : Optional.ofNullable(status.getJobStatus().getUpgradeSavepointPath());
      if (status.getJobManagerDeploymentStatus() != JobManagerDeploymentStatus.MISSING) {
        requireState(terminal(), "a JobManager with a job that has not stopped");
        deleteCluster();
        patch();
      }
      submit(savepoint);
      recordSpec(target, JobState.RUNNING, ReconciliationState.DEPLOYED);
      patch();
      return this;
    }
    // Suspended → suspended with another spec: neither branch applies (AbstractJobReconciler.java:130, 188) and
    // nothing is recorded: lastReconciledSpec and observedGeneration stay until the job is resumed.
    patch();
    return this;
  }

  // ---------------------------------------------------------------------------------------------

  /** The job failure's error JSON as FlinkResourceExceptionUtils writes it (fields as in FlinkResourceException). */
  public static String jobError(String type, String message) {
    return "{\"type\":" + json(type) + ",\"message\":" + json(message) + ",\"additionalMetadata\":{},\"throwableList\":[]}";
  }

  private static String deploymentFailedError(String reason, String message) {
    // DeploymentFailedException's reason goes into additionalMetadata (FlinkResourceExceptionUtils.java:166-174).
    return "{\"type\":\"org.apache.flink.kubernetes.operator.exception.DeploymentFailedException\",\"message\":"
        + json(message) + ",\"additionalMetadata\":{\"reason\":" + json(reason) + "},\"throwableList\":[]}";
  }

  private static String json(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  private FlinkDeploymentSpec spec() {
    return deployment.getSpec();
  }

  private boolean restartFailed() {
    Map<String, String> conf = spec().getFlinkConfiguration();
    return conf != null && Boolean.parseBoolean(conf.get(RESTART_FAILED));
  }

  private boolean terminal() {
    JobStatus state = status().getJobStatus().getState();
    return state != null && state.isGloballyTerminalState();
  }

  /** The current spec differs from the last reconciled one where 1.10's diff looks, or an upgrade is under way. */
  private boolean specChanged() {
    FlinkDeploymentReconciliationStatus reconciliation = status().getReconciliationStatus();
    if (reconciliation.getState() == ReconciliationState.UPGRADING) {
      return true;
    }
    return !comparable(reconciliation.deserializeLastReconciledSpec()).equals(comparable(spec()));
  }

  /**
   * The spec as 1.10's diff sees it: a field without {@code @SpecDiff} is an upgrade
   * (reconciler/diff/ReflectiveDiffBuilder.java:80-121), the job's upgradeMode, initialSavepointPath,
   * nonces and allowNonRestoredState are ignored (api spec/JobSpec.java:66-91), and so are the
   * flinkConfiguration keys under {@code kubernetes.operator}, {@code job.autoscaler} and {@code
   * parallelism.default} (api spec/AbstractFlinkSpec.java:51-60).
   */
  private static FlinkDeploymentSpec comparable(FlinkDeploymentSpec spec) {
    FlinkDeploymentSpec copy = SpecUtils.clone(spec);
    if (copy.getFlinkConfiguration() != null) {
      copy.getFlinkConfiguration().keySet().removeIf(k -> k.startsWith("kubernetes.operator")
          || k.startsWith("job.autoscaler") || k.startsWith("parallelism.default"));
    }
    if (copy.getJob() != null) {
      copy.getJob().setUpgradeMode(null);
      copy.getJob().setInitialSavepointPath(null);
      copy.getJob().setSavepointTriggerNonce(null);
      copy.getJob().setCheckpointTriggerNonce(null);
      copy.getJob().setAllowNonRestoredState(null);
    }
    return copy;
  }

  /**
   * Stops a RUNNING (or already stopped) job for a suspend or an upgrade with the spec's
   * upgradeMode; returns the mode to restore with (AbstractJobReconciler.java:211-298, JobUpgrade
   * at 617-642).
   */
  private UpgradeMode stopForUpgrade() {
    FlinkDeploymentStatus status = status();
    UpgradeMode mode = spec().getJob().getUpgradeMode();
    JobStatus state = status.getJobStatus().getState();
    if (mode == UpgradeMode.STATELESS) {
      if (!terminal()) {
        deleteCluster();
      }
      status.getJobStatus().setState(JobStatus.FINISHED);
      return UpgradeMode.STATELESS;
    }
    if (terminal()) {
      if (status.getJobStatus().getUpgradeSavepointPath() == null) {
        throw new IllegalStateException("1.10 fails this reconcile: \"Job is in terminal state but last checkpoint"
            + " is unknown, possibly due to an unrecoverable restore error. Manual restore required.\""
            + " (AbstractJobReconciler.java:227-230)");
      }
      status.getJobStatus().setState(JobStatus.FINISHED);
      return UpgradeMode.SAVEPOINT;
    }
    requireState(state == JobStatus.RUNNING, "a spec change while the job is " + state + " is not modelled"
        + " (1.10 waits, or falls back to last-state with HA metadata: AbstractJobReconciler.java:246-297)");
    if (mode == UpgradeMode.SAVEPOINT) {
      String savepoint = savepointsDir() + "/savepoint-" + status.getJobStatus().getJobId().substring(0, 6) + "-1";
      status.getJobStatus().setUpgradeSavepointPath(savepoint);
      // Native mode keeps the JobManager after a stop with savepoint (NativeFlinkService.java:122).
      status.getJobStatus().setState(JobStatus.FINISHED);
      return UpgradeMode.SAVEPOINT;
    }
    // last-state with the HA metadata: the cluster is deleted, HA kept (JobUpgrade.lastStateUsingHaMeta).
    deleteCluster();
    status.getJobStatus().setState(JobStatus.FINISHED);
    return UpgradeMode.LAST_STATE;
  }

  private String savepointsDir() {
    Map<String, String> conf = spec().getFlinkConfiguration();
    return Optional.ofNullable(conf == null ? null : conf.get("state.savepoints.dir")).orElse("file:///savepoints");
  }

  private String checkpointsDir() {
    Map<String, String> conf = spec().getFlinkConfiguration();
    return Optional.ofNullable(conf == null ? null : conf.get("state.checkpoints.dir")).orElse("file:///checkpoints");
  }

  private void observeJob(JobStatus flinkState, String errorJson) {
    FlinkDeploymentStatus status = status();
    FlinkDeploymentSpec last = status.getReconciliationStatus().deserializeLastReconciledSpec();
    requireState(last.getJob().getState() != JobState.SUSPENDED,
        "a suspended job is not observed (JobStatusObserver.java:60-67)");
    var job = status.getJobStatus();
    JobStatus previous = job.getState();
    job.setState(flinkState);
    job.setJobName(deployment.getMetadata().getName());
    if (flinkState != previous) {
      if (flinkState == JobStatus.CANCELED || (flinkState.isGloballyTerminalState() && previous == JobStatus.CANCELLING)) {
        FlinkDeploymentReconciliationStatus reconciliation = status.getReconciliationStatus();
        var specWithMeta = reconciliation.deserializeLastReconciledSpecWithMeta();
        specWithMeta.getSpec().getJob().setState(JobState.SUSPENDED);
        specWithMeta.getMeta().setFirstDeployment(false);
        reconciliation.setLastReconciledSpec(SpecUtils.writeSpecWithMeta(specWithMeta.getSpec(), specWithMeta.getMeta()));
      }
      if (flinkState == JobStatus.FAILED) {
        status.setError(errorJson);
      }
    }
    if (flinkState.isGloballyTerminalState()) {
      job.setUpgradeSavepointPath(checkpointsDir() + "/" + job.getJobId() + "/chk-1");
    }
    // ReconciliationUtils.checkAndUpdateStableSpec
    var reconciliation = status.getReconciliationStatus();
    if (reconciliation.getState() == ReconciliationState.DEPLOYED) {
      if (flinkState == JobStatus.RUNNING || (flinkState == JobStatus.FINISHED
          && reconciliation.deserializeLastReconciledSpec().getJob().getState() == JobState.RUNNING)) {
        reconciliation.markReconciledSpecAsStable();
      }
    }
  }

  private void clearErrorsIfHealthy() {
    FlinkDeploymentStatus status = status();
    if (status.getJobManagerDeploymentStatus() != JobManagerDeploymentStatus.ERROR
        && status.getJobStatus().getState() != JobStatus.FAILED
        && status.getReconciliationStatus().isLastReconciledSpecStable()) {
      status.setError(null);
    }
  }

  /** ReconciliationUtils.updateStatusForSpecReconciliation (ReconciliationUtils.java:120-188), without rollbacks. */
  private void recordSpec(FlinkDeploymentSpec spec, JobState stateAfterReconcile, ReconciliationState state) {
    FlinkDeploymentStatus status = status();
    FlinkDeploymentReconciliationStatus reconciliation = status.getReconciliationStatus();
    status.setError(null);
    reconciliation.setReconciliationTimestamp(System.currentTimeMillis());
    reconciliation.setState(state);
    FlinkDeploymentSpec recorded = SpecUtils.clone(spec);
    recorded.getJob().setState(stateAfterReconcile);
    status.setTaskManager(stateAfterReconcile == JobState.RUNNING
        ? new TaskManagerInfo("component=taskmanager,app=" + deployment.getMetadata().getName(), taskManagers(spec))
        : new TaskManagerInfo("", 0));
    reconciliation.serializeAndSetLastReconciledSpec(recorded, deployment);
  }

  /** FlinkUtils.getNumTaskManagers: parallelism over the task slots, rounded up. */
  private static int taskManagers(FlinkDeploymentSpec spec) {
    Map<String, String> conf = spec.getFlinkConfiguration();
    int slots = Integer.parseInt(Optional.ofNullable(conf == null ? null : conf.get("taskmanager.numberOfTaskSlots")).orElse("1"));
    int parallelism = Math.max(1, spec.getJob().getParallelism());
    return (parallelism + slots - 1) / slots;
  }

  /** ApplicationReconciler.deploy (ApplicationReconciler.java:133-189): a new job id, then the submit. */
  private void submit(Optional<String> savepoint) {
    FlinkDeploymentStatus status = status();
    status.getJobStatus().setJobId(JobID.generate().toHexString());
    patch();
    status.getJobStatus().setState(JobStatus.RECONCILING);
    status.setJobManagerDeploymentStatus(JobManagerDeploymentStatus.DEPLOYING);
    savepoint.ifPresent(path -> restoredFrom.add(path));
  }

  /** AbstractFlinkService.updateStatusAfterClusterDeletion (AbstractFlinkService.java:1037-1043). */
  private void deleteCluster() {
    FlinkDeploymentStatus status = status();
    status.setJobManagerDeploymentStatus(JobManagerDeploymentStatus.MISSING);
    if (!terminal()) {
      status.getJobStatus().setState(JobStatus.FINISHED);
    }
  }

  /** The savepoint or checkpoint paths each submission restored from, in order (none for a stateless start). */
  public List<String> restoredFrom() {
    return List.copyOf(restoredFrom);
  }

  private void patch() {
    written.add(SpecUtils.clone(status()));
  }

  private static void requireState(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("Flink Kubernetes Operator 1.10: " + message);
    }
  }
}
