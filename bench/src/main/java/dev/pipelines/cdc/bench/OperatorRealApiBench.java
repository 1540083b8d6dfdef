package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.kubeapi.ControlPlane;
import dev.pipelines.cdc.kubeapi.Crds;
import dev.pipelines.cdc.kubeapi.KubeApiBinaries;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Operator scale on a real kube-apiserver + etcd ({@code --api-server real}): the control plane of
 * kube-api-support (binaries from hack/kube-api-binaries.sh), both CRDs installed as a user installs them,
 * N CdcPipelines created by the harness; the operator in its own JVM (OperatorBenchMain) with its
 * production configuration (server-side apply for the FlinkDeployment and the status) and databases that
 * always pass preflight. Measured: time until every FlinkDeployment exists, heap after a full GC, RSS, and
 * the operator's API requests by kind, read from the API server's audit log (the operator's client
 * impersonates a user of its own, so the harness' requests are not counted), both while the pipelines are
 * created and in a quiet window afterwards (one re-check interval: what N pipelines cost at rest).
 */
final class OperatorRealApiBench {
  /** The operator's identity in the audit log (impersonated, group system:masters). */
  static final String OPERATOR_USER = "cdc-bench-operator";
  /** The production re-check interval (30 s) plus a margin: every pipeline is reconciled once in it. */
  static final Duration QUIET_WINDOW = Duration.ofSeconds(35);
  /** Issue #15: 1,000 pipelines in 30 s, 10,000 in 5 min, i.e. 30 ms per pipeline. */
  static final double TARGET_SECONDS_PER_PIPELINE = 0.030;
  static final double HEAP_TARGET_MB = 128;
  /** Clients creating the pipelines at once, as several users or a GitOps tool would. */
  private static final int CREATORS = 4;

  private OperatorRealApiBench() {}

  static void run(BenchContext ctx) throws Exception {
    int n = ctx.sizes.pipelines();
    ctx.phase("operator on kube-apiserver: " + n + " CdcPipelines");
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(System.getenv());
    binaries.unavailable().ifPresent(why -> {
      throw new IllegalStateException("--api-server real: " + why);
    });
    Path workDir = ctx.paths.target().resolve("kube-api").resolve("control-plane");
    deleteRecursively(workDir);
    try (ControlPlane plane = ControlPlane.start(binaries, workDir)) {
      KubernetesClient admin = plane.admin();
      Crds.install(admin, ctx.paths.root());
      admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(TestPipelines.NAMESPACE)
          .endMetadata().build()).create();
      for (String name : new String[] {"pg-cdc", "starrocks-loader"}) {
        admin.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(TestPipelines.NAMESPACE)
            .endMetadata().withStringData(Map.of("username", "u", "password", "p")).build()).create();
      }
      AtomicInteger created = new AtomicInteger();
      SharedIndexInformer<FlinkDeployment> deployments = admin.resources(FlinkDeployment.class)
          .inNamespace(TestPipelines.NAMESPACE).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(FlinkDeployment d) {
              created.incrementAndGet();
            }

            @Override
            public void onUpdate(FlinkDeployment before, FlinkDeployment after) {}

            @Override
            public void onDelete(FlinkDeployment d, boolean unknownFinalState) {}
          });
      try (ChildJvm operator = ChildJvm.start("operator", OperatorBench.jvmOptions(ctx), ctx.paths.operatorClasspath(),
              "dev.pipelines.cdc.bench.operator.OperatorBenchMain",
              List.of("--kubeconfig", plane.adminKubeconfig().toString(), "--as", OPERATOR_USER), Map.of(),
              ctx.paths.logs());
          RssSampler rss = new RssSampler(operator.pid())) {
        operator.await("STARTED", 120);
        Instant from = Instant.now();
        double cpuBefore = Machine.cpuSeconds(operator.pid());
        long start = System.nanoTime();
        createPipelines(admin, n);
        double applied = PostgresLimits.seconds(start);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (created.get() < n) {
          if (System.nanoTime() > deadline || !operator.alive()) {
            throw new IllegalStateException("only " + created.get() + " of " + n + " FlinkDeployments after "
                + Format.number(PostgresLimits.seconds(start)) + " s; see " + operator.log());
          }
          Thread.sleep(20);
        }
        double all = PostgresLimits.seconds(start);
        Instant done = Instant.now();
        double cpu = Machine.cpuSeconds(operator.pid()) - cpuBefore;
        String loadAtEnd = Machine.load();
        double rssPeak = rss.takePeakMb();
        // At rest: one re-check of every pipeline, nothing created.
        Thread.sleep(QUIET_WINDOW.toMillis());
        Instant quietEnd = Instant.now();
        double cpuQuiet = Machine.cpuSeconds(operator.pid()) - cpuBefore - cpu;
        operator.send("gc");
        double heapMb = Long.parseLong(operator.await("HEAP", 120).split(" ")[1]) / 1024.0 / 1024.0;
        Path histogram = histogram(operator.pid(), ctx.paths.logs().resolve("operator-histogram-" + n + ".txt"));
        double rssQuiet = rss.takePeakMb();

        Map<String, Long> creating = plane.audit().countByKind(OPERATOR_USER, from, done);
        Map<String, Long> quiet = plane.audit().countByKind(OPERATOR_USER, done, quietEnd);
        ctx.notes.add("operator API requests per pipeline until every FlinkDeployment existed (audit log): "
            + RequestKinds.perPipeline(creating, n));
        ctx.notes.add("operator API requests per pipeline in the " + QUIET_WINDOW.toSeconds() + " s after (audit log): "
            + RequestKinds.perPipeline(quiet, n));
        ctx.notes.add("operator heap histogram after full GC: " + histogram + "; load average at the end of creation "
            + loadAtEnd);

        ctx.add(Result.of("operator", n + " CdcPipelines → every FlinkDeployment exists (kube-apiserver)", all, "s")
            .against("kube-apiserver storing the CdcPipelines (" + CREATORS + " clients)", applied)
            .target(Target.atMost(TARGET_SECONDS_PER_PIPELINE * Math.max(n, 1_000)))
            .note("real kube-apiserver " + binaries.version() + " + etcd on this machine; operator with server-side"
                + " apply; load " + loadAtEnd));
        ctx.add(Result.of("operator", "API requests per pipeline until then (kube-apiserver)",
            (double) RequestKinds.total(creating) / n, "").note("audit log, operator's user only"));
        ctx.add(Result.of("operator", "API requests per pipeline per " + QUIET_WINDOW.toSeconds()
            + " s at rest (kube-apiserver)", (double) RequestKinds.total(quiet) / n, ""));
        ctx.add(Result.of("cpu", "operator CPU per pipeline (kube-apiserver)", cpu * 1000 / n, "ms")
            .note("at rest: " + Format.number(cpuQuiet * 1000 / n) + " ms per pipeline per "
                + QUIET_WINDOW.toSeconds() + " s"));
        ctx.add(Result.of("operator", "operator heap after full GC (kube-apiserver)", heapMb, "MB")
            .target(Target.atMost(HEAP_TARGET_MB)).note("-Xmx" + OperatorBench.HEAP + "; " + n + " pipelines"));
        ctx.add(Result.of("memory", "operator RSS peak (kube-apiserver)", Math.max(rssPeak, rssQuiet), "MB"));
        operator.send("stop");
      } finally {
        deployments.close();
      }
    }
  }

  /** {@code CREATORS} clients at once; the API server's admission (schema, CEL) is part of what is measured. */
  private static void createPipelines(KubernetesClient admin, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < CREATORS; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          for (int i = first; i < n; i += CREATORS) {
            CdcPipeline p = TestPipelines.minimal();
            p.getMetadata().setName(String.format("orders-%05d", i));
            p.getMetadata().setUid(null);
            p.getMetadata().setGeneration(null);
            p.getMetadata().setResourceVersion(null);
            p.setStatus(null);
            admin.resource(p).create();
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code jcmd <pid> GC.class_histogram} into {@code file} (what fills the heap). */
  private static Path histogram(long pid, Path file) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
        .redirectErrorStream(true).redirectOutput(file.toFile()).start();
    p.waitFor(120, TimeUnit.SECONDS);
    return file;
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
