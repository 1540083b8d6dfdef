package dev.pipelines.cdc.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a person would look at when a step fails: resources, conditions, events and logs, in one file. */
final class ClusterDiagnostics {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("get", "cdcpipelines,flinkdeployments,pods,services", "-A", "-o", "wide"),
      List.of("-n", "data", "describe", "cdcpipelines"),
      List.of("-n", "data", "get", "events", "--sort-by=.lastTimestamp"),
      List.of("-n", "cdc-system", "logs", "-l", "app.kubernetes.io/instance=cdc-operator", "--tail=300"),
      List.of("-n", "flink-operator", "logs", "deployment/flink-kubernetes-operator", "--tail=200"),
      // Flink's native Kubernetes labels: app=<FlinkDeployment name>, component=jobmanager|taskmanager.
      List.of("-n", "data", "logs", "-l", "app=orders,component=jobmanager", "--tail=300"),
      List.of("-n", "data", "logs", "-l", "app=orders,component=taskmanager", "--tail=300"));

  private ClusterDiagnostics() {}

  /** Writes the diagnostics to {@code file} and returns it; a failing command is recorded, not thrown. */
  static Path dump(KindCluster cluster, Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    for (List<String> args : COMMANDS) {
      out.append("$ kubectl ").append(String.join(" ", args)).append('\n');
      CommandResult result = cluster.kubectl(Duration.ofMinutes(1), args.toArray(String[]::new));
      out.append(result.output());
      if (!result.succeeded()) {
        out.append("(").append(result.describe()).append(")\n");
      }
      out.append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, out, StandardCharsets.UTF_8);
    return file;
  }
}
