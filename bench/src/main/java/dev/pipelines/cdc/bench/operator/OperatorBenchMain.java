package dev.pipelines.cdc.bench.operator;

import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.status.Reasons;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in the operator JVM, with production's settings and databases that always pass preflight. Against the
 * fabric8 mock server at {@code args[0]} (a URL): as the operator's mock-server tests run it, server-side apply
 * off, since the mock server has none. With {@code --kubeconfig FILE --as USER} (a real kube-apiserver): as
 * {@code OperatorMain} runs it (java-operator-sdk's defaults, server-side apply on), its client impersonating
 * {@code USER} in group system:masters so that the audit log tells its requests from the harness'. Answers
 * {@code gc} on stdin with the heap in use after a full GC, so the harness' own heap never counts.
 */
public final class OperatorBenchMain {
  private OperatorBenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean real = args[0].equals("--kubeconfig");
    Config config;
    if (real) {
      config = Config.fromKubeconfig(Files.readString(Path.of(args[1])));
      config.setImpersonateUsername(args[3]);
      config.setImpersonateGroups("system:masters");
    } else {
      config = new ConfigBuilder().withMasterUrl(args[0]).withTrustCerts(true).build();
    }
    config.setNamespace("data");
    config.setRequestTimeout(30_000);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    // Production settings (re-checks every 30 s), not the tests' 1 s: what a real deployment does per pipeline.
    OperatorSettings settings = OperatorSettings.fromEnv(Map.of(OperatorSettings.ENV_METRICS_PORT, "0"));
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), passingDatabases(), new SlotMetrics(),
        real
            ? o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
            : o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                // The mock server answers server-side apply with 404/415 (as in the operator's MockServerOperator).
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withUseSSAToPatchPrimaryResource(false));
    operator.start();
    System.out.println("BENCH STARTED");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("gc")) {
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(200);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("BENCH HEAP " + used);
        System.out.flush();
      } else if (line.equals("stop")) {
        break;
      }
    }
    operator.stop();
    client.close();
    System.exit(0);
  }

  /** Preflight and clean-up that always pass: the run measures the operator and the API server, not databases. */
  private static Databases passingDatabases() {
    CheckResult passed = CheckResult.passed(Reasons.PREFLIGHT_PASSED, "no database: operator scale run");
    return new Databases(
        (target, selection) -> new SourceReport(passed, true, Optional.empty(), Optional.empty(), Optional.empty()),
        target -> passed,
        (target, slot, publication) -> CleanupOutcome.done("nothing to drop", Optional.empty()));
  }
}
