package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotPhase;
import dev.pipelines.cdc.operator.api.v1alpha1.SnapshotStatus;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.progress.RestSnapshotProgress;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.testsupport.flink.FakeJobManager;
import dev.pipelines.cdc.testsupport.flink.RecordedJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * status.snapshot from a JobManager's REST API: a fake JobManager (JDK HttpServer) answering what a
 * real Flink 1.19 job answered while it snapshotted, then once done, then not at all.
 */
@EnableKubernetesMockClient(crud = true)
class SnapshotProgressIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final RecordedJob RECORDED = RecordedJob.fixtures();
  static KubernetesClient client;
  private static Operator operator;
  private static FakeJobManager jobManager;
  /** Where the operator looks for the JobManager: the fake one, or a port nobody listens on. */
  private static final AtomicReference<URI> address = new AtomicReference<>();

  @BeforeAll
  static void start() {
    jobManager = FakeJobManager.start();
    address.set(jobManager.uri());
    operator = MockServerOperator.start(client, FakeDatabases.allReady(), new SlotMetrics(),
        TestOperatorSettings.settings(), new RestSnapshotProgress(deployment -> address.get()));
  }

  @AfterAll
  static void stop() {
    operator.stop();
    jobManager.close();
  }

  @Test
  void pendingThenRunningThenUnknownWhileUnreachableThenDone() {
    MockServerOperator.createMinimalPipeline(client);
    await().atMost(TIMEOUT).until(() -> flinkDeployment() != null);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(snapshot()).isNotNull()
        .satisfies(s -> assertThat(s.phase()).isEqualTo(SnapshotPhase.Pending)));
    assertThat(jobManager.requests()).as("no job running: the JobManager is not asked").isEmpty();

    RECORDED.serveOn(jobManager, "subtasks-metrics-snapshot-running.json");
    deployAndRunTheRecordedJob();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(snapshot()).satisfies(s -> {
      assertThat(s.phase()).isEqualTo(SnapshotPhase.Running);
      assertThat(s.tablesTotal()).isEqualTo(2);
      assertThat(s.splitsDone()).isPositive().isLessThan(s.splitsTotal());
      assertThat(s.rowsCopied()).isPositive();
      assertThat(s.progress()).endsWith("%");
      assertThat(s.lastUpdated()).isNotNull();
    }));
    assertThat(pipeline().getStatus().phase()).isEqualTo(Phase.Running);
    SnapshotStatus running = snapshot();

    address.set(URI.create("http://127.0.0.1:1/"));
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(snapshot()).satisfies(s -> {
      assertThat(s.phase()).isEqualTo(SnapshotPhase.Unknown);
      assertThat(s.progress()).isEqualTo("unknown");
      assertThat(s.message()).contains("http://127.0.0.1:1/").contains("could not be read");
      assertThat(s.rowsCopied()).as("as last read").isEqualTo(running.rowsCopied());
    }));
    assertThat(pipeline().getStatus().phase()).as("an unreadable JobManager fails nothing").isEqualTo(Phase.Running);

    RECORDED.serveOn(jobManager, "subtasks-metrics-snapshot-done.json");
    address.set(jobManager.uri());
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(snapshot()).satisfies(s -> {
      assertThat(s.phase()).isEqualTo(SnapshotPhase.Done);
      assertThat(s.progress()).isEqualTo("done");
      assertThat(s.percent()).isEqualTo(100);
      assertThat(s.tablesDone()).isEqualTo(s.tablesTotal());
      assertThat(s.message()).isNull();
    }));
    assertThat(jobManager.requests()).contains("/jobs/" + RECORDED.jobId());
  }

  private static SnapshotStatus snapshot() {
    CdcPipeline p = pipeline();
    return p == null || p.getStatus() == null ? null : p.getStatus().snapshot();
  }

  private static CdcPipeline pipeline() {
    return client.resources(CdcPipeline.class).inNamespace(TestPipelines.NAMESPACE).withName("orders").get();
  }

  private static FlinkDeployment flinkDeployment() {
    return client.resources(FlinkDeployment.class).inNamespace(TestPipelines.NAMESPACE).withName("orders").get();
  }

  /**
   * The Flink operator 1.10 deploys the job and reports it RUNNING (FlinkOperatorDouble). It assigns
   * a new job id at each submission; the fake JobManager answers for the recorded job, so the test
   * gives the job that id.
   */
  private static void deployAndRunTheRecordedJob() {
    FlinkDeployment fd = FlinkOperatorDouble.on(flinkDeployment()).deployedAndRunning().deployment();
    fd.getStatus().getJobStatus().setJobId(RECORDED.jobId());
    client.resource(fd).updateStatus();
  }
}
