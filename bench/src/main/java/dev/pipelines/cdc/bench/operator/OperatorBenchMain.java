package dev.pipelines.cdc.bench.operator;

import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.status.Reasons;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in the operator JVM: the operator as its integration tests run it (server-side apply off, since the
 * fabric8 mock server has none; databases that always pass preflight) but with production's settings, against
 * the API server at {@code args[0]}. Answers
 * {@code gc} on stdin with the heap in use after a full GC, so the harness' own heap never counts.
 */
public final class OperatorBenchMain {
  private OperatorBenchMain() {}

  public static void main(String[] args) throws Exception {
    KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(args[0]).withTrustCerts(true).withNamespace("data")
            .withRequestTimeout(30_000).build())
        .build();
    // Production settings (re-checks every 30 s), not the tests' 1 s: what a real deployment does per pipeline.
    OperatorSettings settings = OperatorSettings.fromEnv(Map.of(OperatorSettings.ENV_METRICS_PORT, "0"));
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), passingDatabases(), new SlotMetrics(),
        o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
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
