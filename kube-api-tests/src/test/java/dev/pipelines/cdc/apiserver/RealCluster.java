package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.chart.Values;
import dev.pipelines.cdc.kubeapi.AuditLog;
import dev.pipelines.cdc.kubeapi.ControlPlane;
import dev.pipelines.cdc.kubeapi.Crds;
import dev.pipelines.cdc.kubeapi.KubeApiBinaries;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One real control plane per test class, set up as a user would: CRDs, then the Helm chart
 * (ServiceAccount, RBAC), then the operator running as the chart's ServiceAccount with the chart's
 * environment. After the class, the audit log must show no request of the operator refused by
 * RBAC: a permission the code needs and the chart lacks fails the class even where the operator
 * only logs the refusal.
 */
final class RealCluster implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

  private Values chartValues = Values.defaults()
      // Reconcile every second (preflight and slot status are rescheduled at this interval), so the
      // no-update-loop checks watch many reconciles, and a missing Secret is looked for again quickly.
      .with("slotStatusSeconds", 1)
      .with("secretRecheckSeconds", 1);
  private List<String> namespaces = List.of("data");
  private boolean garbageCollection = true;
  private boolean flinkCrd = true;
  private boolean startOperator = true;
  private Databases databases = PassingDatabases.all();

  private ControlPlane controlPlane;
  private ChartInstall chart;
  private KubernetesClient operatorClient;
  private Operator operator;

  RealCluster withChartValue(String path, Object value) {
    chartValues = chartValues.with(path, value);
    return this;
  }

  /** Namespaces created before the chart is installed (a Role per watched namespace needs them). */
  RealCluster withNamespaces(String... names) {
    namespaces = List.of(names);
    return this;
  }

  RealCluster withDatabases(Databases databases) {
    this.databases = databases;
    return this;
  }

  /** As a user who has not installed the Flink Kubernetes Operator: only our CRD. */
  RealCluster withoutFlinkCrd() {
    flinkCrd = false;
    return this;
  }

  /** The test starts the operator itself, with {@link #operatorClient()}. */
  RealCluster withoutOperator() {
    startOperator = false;
    return this;
  }

  RealCluster withoutGarbageCollection() {
    garbageCollection = false;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(System.getenv());
    try {
      KubeApiAssumptions.assumeAvailable(binaries, System.getenv());
    } catch (TestAbortedException e) {
      // Surefire counts a class skipped in beforeAll as "0 tests run" and drops the reason: say it once.
      if (SKIP_REPORTED.compareAndSet(false, true)) {
        System.out.println("[kube-api-tests] SKIPPED: " + e.getMessage());
      }
      throw e;
    }
    Path workDir = Path.of(KubeApiAssumptions.requiredProperty("kube-api.work.dir"),
        context.getRequiredTestClass().getSimpleName());
    deleteRecursively(workDir);
    controlPlane = ControlPlane.start(binaries, workDir);
    KubernetesClient admin = controlPlane.admin();
    if (flinkCrd) {
      Crds.install(admin, Path.of(KubeApiAssumptions.requiredProperty("repo.dir")));
    } else {
      Crds.install(admin, List.of(Crds.ours(Path.of(KubeApiAssumptions.requiredProperty("repo.dir")))));
    }
    if (garbageCollection) {
      controlPlane.startGarbageCollector();
    }
    namespaces.forEach(ns -> ChartInstall.ensureNamespace(admin, ns));
    chart = ChartInstall.apply(admin, chartValues);
    operatorClient = chart.serviceAccount().client(controlPlane.adminConfig());
    if (startOperator) {
      operator = ProductionOperator.start(operatorClient, OperatorSettings.fromEnv(chart.operatorEnv()), databases);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (controlPlane == null) {
      return;
    }
    try {
      if (operator != null) {
        operator.stop();
      }
      if (operatorClient != null) {
        operatorClient.close();
      }
      ServiceAccountUser sa = chart == null ? null : chart.serviceAccount();
      if (sa != null) {
        System.out.printf("%s: the operator used %s%n", context.getRequiredTestClass().getSimpleName(),
            controlPlane.audit().permissionsUsed(sa.username()));
        List<AuditLog.Request> forbidden = controlPlane.audit().forbidden(sa.username());
        if (!forbidden.isEmpty()) {
          System.out.printf("%s: %d requests answered 403: %s%n", context.getRequiredTestClass().getSimpleName(),
              forbidden.size(), forbidden);
        }
        assertThat(controlPlane.audit().lackingPermission(sa.username()))
            .as("requests of %s refused for lack of a permission the chart should grant", sa.username()).isEmpty();
      }
    } finally {
      controlPlane.close();
    }
  }

  KubernetesClient admin() {
    return controlPlane.admin();
  }

  ControlPlane controlPlane() {
    return controlPlane;
  }

  /** The chart's ServiceAccount's client (impersonated). */
  KubernetesClient operatorClient() {
    return operatorClient;
  }

  /** The operator's settings from the chart's environment. */
  OperatorSettings operatorSettings() {
    return OperatorSettings.fromEnv(chart.operatorEnv());
  }

  Operator operator() {
    return operator;
  }

  ServiceAccountUser serviceAccount() {
    return chart.serviceAccount();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
