package dev.pipelines.cdc.operator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.CREATED;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.DEPLOYED;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.FAILED;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.STABLE;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.SUSPENDED;
import static org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState.UPGRADING;
import static org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus.DEPLOYED_NOT_READY;
import static org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus.DEPLOYING;
import static org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus.ERROR;
import static org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus.MISSING;
import static org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus.READY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus;
import org.apache.flink.kubernetes.operator.api.status.JobManagerDeploymentStatus;
import org.junit.jupiter.api.Test;

/**
 * The double's sequences of written statuses, step by step, as the Flink Kubernetes Operator 1.10.0
 * writes them (the lines are cited in FlinkOperatorDouble), and a check over every status written
 * that it is one 1.10 can write.
 */
class FlinkOperatorDoubleTest {
  private static final String STOP_ERROR = FlinkStatuses.stoppedJobError("[RowRejected] table public.orders");

  /** What each written status shows: lifecycle, job state, JobManager deployment status. */
  record Seen(ResourceLifecycleState lifecycle, JobStatus job, JobManagerDeploymentStatus jobManager) {
    static Seen of(FlinkDeploymentStatus s) {
      return new Seen(s.getLifecycleState(), s.getJobStatus().getState(), s.getJobManagerDeploymentStatus());
    }
  }

  @Test
  void aNewDeploymentIsUpgradingThenDeployedThenStableWithTheJobRunning() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).firstReconcile();

    assertThat(seen(flink)).containsExactly(
        new Seen(UPGRADING, null, MISSING),
        new Seen(UPGRADING, null, MISSING),
        new Seen(DEPLOYED, JobStatus.RECONCILING, DEPLOYING));
    assertThat(flink.status().getObservedGeneration()).isEqualTo(1L);
    assertThat(flink.status().getJobStatus().getJobId()).hasSize(32);
    assertThat(flink.restoredFrom()).as("a first start has no state").isEmpty();

    flink.jobRunning();
    assertThat(seen(flink).subList(3, 5)).containsExactly(
        new Seen(DEPLOYED, JobStatus.RECONCILING, DEPLOYED_NOT_READY),
        new Seen(STABLE, JobStatus.RUNNING, READY));
    assertPossible(flink);
  }

  @Test
  void aDeploymentCreatedSuspendedIsNeverDeployedAndStaysCreated() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    fd.getSpec().getJob().setState(JobState.SUSPENDED);

    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).firstReconcile();

    assertThat(seen(flink)).containsExactly(new Seen(CREATED, null, MISSING));
    assertThat(flink.status().getObservedGeneration()).as("nothing reconciled").isNull();
    assertPossible(flink);
  }

  @Test
  void aFailedJobIsFailedWithItsErrorThenRestartedFromItsLastCheckpointWithTheErrorCleared() {
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(deployment(UpgradeMode.SAVEPOINT)).deployedAndRunning();
    String failedJob = flink.status().getJobStatus().getJobId();
    int before = flink.written().size();

    flink.jobFailed(STOP_ERROR);
    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(FAILED, JobStatus.FAILED, READY));
    assertThat(flink.status().getError()).isEqualTo(STOP_ERROR);

    flink.failedJobRestarted();
    List<FlinkDeploymentStatus> restart = flink.written().subList(before + 1, flink.written().size());
    assertThat(restart).extracting(Seen::of).containsExactly(
        new Seen(FAILED, JobStatus.FAILED, MISSING),
        new Seen(STABLE, JobStatus.RECONCILING, DEPLOYING));
    assertThat(restart).allSatisfy(s -> assertThat(s.getError()).isNull());
    assertThat(flink.status().getJobStatus().getJobId()).isNotEqualTo(failedJob);
    assertThat(flink.restoredFrom()).containsExactly("s3://bucket/cdc/checkpoints/" + failedJob + "/chk-1");
    assertThat(flink.status().getObservedGeneration()).as("no spec reconciled").isEqualTo(1L);

    flink.jobRunning();
    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(STABLE, JobStatus.RUNNING, READY));
    assertPossible(flink);
  }

  @Test
  void withoutRestartFailedAFailedJobStaysFailed() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    fd.getSpec().getFlinkConfiguration().remove(FlinkOperatorDouble.RESTART_FAILED);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning().jobFailed(STOP_ERROR);

    assertThatThrownBy(flink::failedJobRestarted).hasMessageContaining("stays FAILED");
  }

  @Test
  void aStatelessJobIsRestartedWithoutState() {
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(deployment(UpgradeMode.STATELESS)).deployedAndRunning()
        .jobFailed(STOP_ERROR).failedJobRestarted();

    assertThat(flink.restoredFrom()).isEmpty();
  }

  @Test
  void suspendWithSavepointStopsTheJobWithASavepointThenResumeRestoresFromIt() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning();
    String runningJob = flink.status().getJobStatus().getJobId();

    change(fd, f -> f.getSpec().getJob().setState(JobState.SUSPENDED));
    int before = flink.written().size();
    flink.specReconciled();

    assertThat(seen(flink).subList(before, flink.written().size())).containsExactly(
        new Seen(SUSPENDED, JobStatus.FINISHED, READY));
    String savepoint = flink.status().getJobStatus().getUpgradeSavepointPath();
    assertThat(savepoint).startsWith("s3://bucket/cdc/savepoints/savepoint-" + runningJob.substring(0, 6));
    assertThat(flink.status().getObservedGeneration()).isEqualTo(2L);
    assertThat(flink.status().getError()).isNull();

    change(fd, f -> f.getSpec().getJob().setState(JobState.RUNNING));
    before = flink.written().size();
    flink.specReconciled();

    assertThat(seen(flink).subList(before, flink.written().size())).containsExactly(
        new Seen(UPGRADING, JobStatus.FINISHED, READY),
        new Seen(UPGRADING, JobStatus.FINISHED, MISSING),
        new Seen(UPGRADING, JobStatus.FINISHED, MISSING),
        new Seen(DEPLOYED, JobStatus.RECONCILING, DEPLOYING));
    assertThat(flink.restoredFrom()).containsExactly(savepoint);
    assertThat(flink.status().getObservedGeneration()).isEqualTo(3L);

    flink.jobRunning();
    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(STABLE, JobStatus.RUNNING, READY));
    assertPossible(flink);
  }

  @Test
  void suspendStatelessCancelsAndDeletesTheCluster() {
    FlinkDeployment fd = deployment(UpgradeMode.STATELESS);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning();

    change(fd, f -> f.getSpec().getJob().setState(JobState.SUSPENDED));
    flink.specReconciled();

    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(SUSPENDED, JobStatus.FINISHED, MISSING));
    change(fd, f -> f.getSpec().getJob().setState(JobState.RUNNING));
    flink.specReconciled();
    assertThat(flink.restoredFrom()).as("stateless: a fresh start").isEmpty();
    assertPossible(flink);
  }

  @Test
  void aSpecChangeUpgradesTheJobThroughASavepointOverTwoPasses() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning();

    change(fd, f -> f.getSpec().getJob().setParallelism(2));
    int before = flink.written().size();
    flink.specReconciled();
    assertThat(seen(flink).subList(before, flink.written().size())).containsExactly(
        new Seen(UPGRADING, JobStatus.FINISHED, READY));
    assertThat(flink.status().getObservedGeneration()).isEqualTo(2L);

    flink.specReconciled();
    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(DEPLOYED, JobStatus.RECONCILING, DEPLOYING));
    assertThat(flink.restoredFrom()).hasSize(1).allSatisfy(p -> assertThat(p).contains("/savepoints/"));
    flink.jobRunning();
    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(STABLE, JobStatus.RUNNING, READY));
    assertPossible(flink);
  }

  /** What our operator does to a job held for a refused row: it suspends the FAILED deployment. */
  @Test
  void suspendingAFailedJobRecordsItSuspendedAndClearsTheError() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning().jobFailed(STOP_ERROR);

    change(fd, f -> f.getSpec().getJob().setState(JobState.SUSPENDED));
    flink.specReconciled();

    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(SUSPENDED, JobStatus.FINISHED, READY));
    assertThat(flink.status().getError()).isNull();
    assertThat(flink.status().getObservedGeneration()).isEqualTo(2L);
    assertThatThrownBy(flink::failedJobRestarted).hasMessageContaining("has not failed");
    assertPossible(flink);
  }

  @Test
  void aSpecChangeWhileSuspendedIsNotRecordedUntilTheResume() {
    FlinkDeployment fd = deployment(UpgradeMode.SAVEPOINT);
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(fd).deployedAndRunning();
    change(fd, f -> f.getSpec().getJob().setState(JobState.SUSPENDED));
    flink.specReconciled();

    change(fd, f -> f.getSpec().getJob().setParallelism(3));
    flink.specReconciled();

    assertThat(flink.status().getObservedGeneration()).isEqualTo(2L);
    assertThat(flink.status().getReconciliationStatus().deserializeLastReconciledSpec().getJob().getParallelism())
        .isEqualTo(1);
  }

  @Test
  void aJobManagerThatCannotStartIsErrorWithTheReasonButTheLifecycleIsNotFailed() {
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(deployment(UpgradeMode.SAVEPOINT)).firstReconcile()
        .jobManagerFailed("ImagePullBackOff", "Back-off pulling image \"cdc/pipeline-job:nope\"");

    assertThat(Seen.of(flink.status())).isEqualTo(new Seen(DEPLOYED, JobStatus.RECONCILING, ERROR));
    assertThat(flink.status().getError()).contains("DeploymentFailedException", "ImagePullBackOff", "Back-off");
    assertPossible(flink);
  }

  @Test
  void theLifecycleIsComputedFromTheStatusSoAHandWrittenOneIsNotWhatIsWritten() throws Exception {
    FlinkDeploymentStatus status = new FlinkDeploymentStatus();
    status.getJobStatus().setState(JobStatus.RUNNING);
    status.setLifecycleState(STABLE);

    JsonNode json = new ObjectMapper().valueToTree(status);

    assertThat(json.get("lifecycleState").asText()).isEqualTo("CREATED");
    assertThat(status.getLifecycleState()).isEqualTo(CREATED);
  }

  @Test
  void theDoubleWritesTheStatusTheApiServerGetsBack() {
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(deployment(UpgradeMode.SAVEPOINT)).deployedAndRunning();

    FlinkDeploymentStatus read = new ObjectMapper().convertValue(
        new ObjectMapper().valueToTree(flink.status()), FlinkDeploymentStatus.class);

    assertThat(Seen.of(read)).isEqualTo(new Seen(STABLE, JobStatus.RUNNING, READY));
    assertThat(read.getObservedGeneration()).isEqualTo(1L);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Every status written is one 1.10 can write (api CommonStatus.java:62-95 and the observer): FAILED
   * only for a FAILED job or an error before the first deployment; never rolled back or rolling back
   * (rollback is off by default); the job is observed (a Flink state other than RECONCILING/FINISHED)
   * only with the JobManager READY; a suspended lifecycle runs no job.
   */
  private static void assertPossible(FlinkOperatorDouble flink) {
    for (FlinkDeploymentStatus s : flink.written()) {
      ResourceLifecycleState lifecycle = s.getLifecycleState();
      JobStatus job = s.getJobStatus().getState();
      assertThat(lifecycle).as("%s", s).isNotIn(ResourceLifecycleState.ROLLING_BACK, ResourceLifecycleState.ROLLED_BACK);
      if (lifecycle == FAILED) {
        assertThat(job == JobStatus.FAILED || s.getReconciliationStatus().isBeforeFirstDeployment()).as("%s", s).isTrue();
      }
      if (job != null && job != JobStatus.RECONCILING && job != JobStatus.FINISHED && job != JobStatus.FAILED) {
        assertThat(s.getJobManagerDeploymentStatus()).as("%s", s).isEqualTo(READY);
      }
      if (lifecycle == SUSPENDED) {
        assertThat(job).as("%s", s).isIn(JobStatus.FINISHED, JobStatus.CANCELED, JobStatus.FAILED, null);
      }
      if (s.getReconciliationStatus().isBeforeFirstDeployment()) {
        assertThat(s.getJobManagerDeploymentStatus()).as("%s", s).isEqualTo(MISSING);
      }
    }
  }

  private static List<Seen> seen(FlinkOperatorDouble flink) {
    List<Seen> out = new ArrayList<>();
    flink.written().forEach(s -> out.add(Seen.of(s)));
    return out;
  }

  /** Our operator changes the spec: a new generation. */
  private static void change(FlinkDeployment fd, Consumer<FlinkDeployment> edit) {
    edit.accept(fd);
    fd.getMetadata().setGeneration(fd.getMetadata().getGeneration() + 1);
  }

  /** A FlinkDeployment as our operator writes it (the parts the Flink operator reads). */
  static FlinkDeployment deployment(UpgradeMode upgradeMode) {
    FlinkDeployment fd = new FlinkDeployment();
    fd.setMetadata(new ObjectMetaBuilder().withName("orders").withNamespace("data").withGeneration(1L).build());
    fd.setStatus(null);
    FlinkDeploymentSpec spec = new FlinkDeploymentSpec();
    Map<String, String> conf = new HashMap<>();
    conf.put(FlinkOperatorDouble.RESTART_FAILED, "true");
    conf.put("state.checkpoints.dir", "s3://bucket/cdc/checkpoints");
    conf.put("state.savepoints.dir", "s3://bucket/cdc/savepoints");
    conf.put("taskmanager.numberOfTaskSlots", "1");
    spec.setFlinkConfiguration(conf);
    JobSpec job = new JobSpec();
    job.setJarURI("local:///opt/flink/usrlib/pipeline-job.jar");
    job.setParallelism(1);
    job.setUpgradeMode(upgradeMode);
    job.setState(JobState.RUNNING);
    spec.setJob(job);
    fd.setSpec(spec);
    return fd;
  }
}
