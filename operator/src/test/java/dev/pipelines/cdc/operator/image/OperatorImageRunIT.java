package dev.pipelines.cdc.operator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.TestCrds;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.http.OperatorEndpoints;
import dev.pipelines.cdc.operator.prerequisite.Prerequisites;
import dev.pipelines.cdc.testsupport.image.ImageTar;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the operator image's own command line from its own files (extracted from the tar; the local JDK stands in for
 * the base image's java) against the fabric8 mock API server: proves that its classpath, service loaders, log4j
 * configuration, build properties and probes work as laid out by Jib, without Docker; and that, started before its
 * CRDs exist, it logs one line per missing CRD (no stack trace), answers 503 and becomes ready once they are created.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorImageRunIT {
  static KubernetesClient client;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void waitsForItsCrdsThenBecomesReadyAndLogsWithItsOwnConfiguration() throws Exception {
    ImageTar image = ImageTar.read(Path.of(System.getProperty("image.tar")));
    Path root = dir.resolve("rootfs");
    image.extractTo(root);
    List<String> command = localCommand(JavaEntrypoint.of(image), root);
    Path log = dir.resolve("operator.log");
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("CDC_") || k.startsWith("KUBERNETES_"));
    env.put("KUBECONFIG", kubeconfig().toString());
    env.put(OperatorSettings.ENV_METRICS_PORT, Integer.toString(port));

    Process operator = builder.start();
    try {
      // The mock server serves no CRD yet: the operator waits, alive and not ready, one line per missing CRD.
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
          .untilAsserted(() -> {
            assertThat(operator.isAlive()).as("operator running; log:%n%s", read(log)).isTrue();
            assertThat(read(log)).contains(Prerequisites.FLINK_DEPLOYMENTS.missingLine());
          });
      assertThat(status(port, OperatorEndpoints.READINESS)).isEqualTo(503);
      assertThat(status(port, OperatorEndpoints.LIVENESS)).isEqualTo(200);
      String waiting = read(log);
      assertThat(waiting).as("no stack trace while a prerequisite is missing").doesNotContainPattern("(?m)^\\s+at ");
      assertThat(waiting.lines().filter(l -> l.contains("missing prerequisite")))
          .as("one WARN line per missing CRD")
          .hasSize(2)
          .allMatch(l -> l.contains(" WARN "))
          .anyMatch(l -> l.contains(Prerequisites.CDC_PIPELINES.missingLine()));

      client.apiextensions().v1().customResourceDefinitions().resource(TestCrds.ours()).create();
      client.apiextensions().v1().customResourceDefinitions().resource(TestCrds.flinkDeployments()).create();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
          .untilAsserted(() -> {
            assertThat(operator.isAlive()).as("operator running; log:%n%s", read(log)).isTrue();
            assertThat(status(port, OperatorEndpoints.READINESS)).isEqualTo(200);
          });
      assertThat(status(port, OperatorEndpoints.LIVENESS)).isEqualTo(200);
      assertThat(status(port, OperatorEndpoints.METRICS)).isEqualTo(200);
    } finally {
      operator.destroy();
      if (!operator.waitFor(20, TimeUnit.SECONDS)) {
        operator.destroyForcibly();
      }
    }
    // Our log4j2.xml: ISO-8601 time, level, thread, abbreviated logger (the Flink API jar's file looks different).
    assertThat(read(log)).containsPattern(Pattern.compile(
        "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} INFO +\\[main\\] d\\.p\\.c\\.o\\.OperatorMain - starting: job image "
            + Pattern.quote(System.getProperty("job.image")) + ","));
  }

  /** The image's entrypoint with /app moved under {@code root} and this JDK's java. */
  private static List<String> localCommand(JavaEntrypoint entrypoint, Path root) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(entrypoint.jvmFlags());
    command.add("-cp");
    command.add(String.join(":", entrypoint.classpath().stream().map(p -> root + p).toList()));
    command.add(entrypoint.mainClass());
    assertThat(entrypoint.classpath()).allMatch(p -> Files.exists(root.resolve(p.substring(1))));
    return command;
  }

  private Path kubeconfig() throws IOException {
    String server = client.getConfiguration().getMasterUrl();
    return Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: mock
          user: {token: mock}
        contexts:
        - name: mock
          context: {cluster: mock, user: mock, namespace: default}
        current-context: mock
        """.formatted(server));
  }

  private int status(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
