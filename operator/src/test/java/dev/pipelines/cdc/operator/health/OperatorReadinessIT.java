package dev.pipelines.cdc.operator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.MockServerOperator;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class OperatorReadinessIT {
  static KubernetesClient client;

  @Test
  void readyWhileStartedWithHealthyInformersAndNotAfterStop() {
    Operator operator = MockServerOperator.start(client, FakeDatabases.allReady(), new SlotMetrics());
    OperatorReadiness readiness = new OperatorReadiness(operator.getRuntimeInfo());
    try {
      assertThat(readiness.notReadyReason()).isEmpty();
    } finally {
      operator.stop();
    }
    assertThat(readiness.notReadyReason()).isPresent();
  }

  @Test
  void answersAtOnceWhileInformersWaitForAnApiServerThatDoesNotReply() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0);
         KubernetesClient stuck = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
             .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort()).withRequestRetryBackoffLimit(0).build())
             .build()) {
      daemon(() -> acceptForever(silent, accepted));
      Operator operator = CdcPipelineOperator.create(TestOperatorSettings.settings(), Clock.systemUTC(),
          FakeDatabases.allReady(), new SlotMetrics(), o -> o.withKubernetesClient(stuck).withCloseClientOnStop(false));
      OperatorReadiness readiness = new OperatorReadiness(operator.getRuntimeInfo());
      Thread starting = daemon(() -> {
        try {
          operator.start();
        } catch (RuntimeException expected) {
          // the API server never answers
        }
      });

      // start() now holds JOSDK's controller lock until the informers have synced, which they never will.
      await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(readiness.notReadyReason())
          .hasValueSatisfying(reason -> assertThat(reason).startsWith("operator not started")));

      for (Socket s : accepted) {
        s.close();
      }
      silent.close();
      starting.join(Duration.ofSeconds(30).toMillis());
      operator.stop();
    }
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void acceptForever(ServerSocket server, List<Socket> accepted) {
    try {
      while (!server.isClosed()) {
        accepted.add(server.accept());
      }
    } catch (IOException closed) {
      // the test is over
    }
  }
}
