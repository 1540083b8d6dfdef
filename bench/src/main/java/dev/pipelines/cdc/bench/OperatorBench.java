package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Operator scale: N CdcPipelines applied at once to the fabric8 mock API server (CRUD mode, in this
 * JVM); the operator runs in its own JVM (OperatorBenchMain, -Xmx as the Helm chart's 512Mi pod
 * gives it). Measured: time until every FlinkDeployment exists, pipelines reconciled per second,
 * the operator's heap after a full GC and its peak RSS.
 */
final class OperatorBench {
  static final String HEAP = "384m";

  private OperatorBench() {}

  /** The requests the mock server recorded, counted by method and path with names folded ("GET .../secrets/*"). */
  static java.util.Map<String, Integer> requestKinds(KubernetesMockServer server) {
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    try {
      io.fabric8.mockwebserver.http.RecordedRequest r;
      while ((r = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
        String path = r.getPath().replaceAll("\\?.*", "").replaceAll("orders-\\d+", "*")
            .replaceAll("/(secrets|configmaps|events)/[^/]+", "/$1/*");
        kinds.merge(r.getMethod() + " " + path, 1, Integer::sum);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return kinds;
  }

  static List<String> jvmOptions(BenchContext ctx) {
    List<String> options = new java.util.ArrayList<>(List.of("-Xmx" + HEAP,
        "-Dlog4j2.configurationFile=" + ctx.paths.log4jConfig()));
    // -Dbench.operatorOpts="-XX:+UseStringDeduplication ...": extra options for the operator JVM (experiments).
    String extra = System.getProperty("bench.operatorOpts", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    if (Boolean.getBoolean("bench.profile")) {
      options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + ctx.paths.logs().resolve("operator.jfr"));
    }
    return options;
  }

  static void run(BenchContext ctx) throws Exception {
    int n = ctx.sizes.pipelines();
    ctx.phase("operator: " + n + " CdcPipelines");
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = server.createClient();
        ChildJvm operator = ChildJvm.start("operator", jvmOptions(ctx), ctx.paths.operatorClasspath(),
            "dev.pipelines.cdc.bench.operator.OperatorBenchMain",
            List.of(client.getConfiguration().getMasterUrl()), Map.of(), ctx.paths.logs());
        RssSampler rss = new RssSampler(operator.pid())) {
      for (String name : new String[] {"pg-cdc", "starrocks-loader"}) {
        client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(TestPipelines.NAMESPACE)
            .endMetadata().withStringData(Map.of("username", "u", "password", "p")).build()).create();
      }
      operator.await("STARTED", 120);
      // Counted from a watch: listing 1,000 objects every few ms would itself load the mock server.
      java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
      var watch = client.resources(FlinkDeployment.class).inNamespace(TestPipelines.NAMESPACE).watch(
          new io.fabric8.kubernetes.client.Watcher<FlinkDeployment>() {
            @Override
            public void eventReceived(Action action, FlinkDeployment resource) {
              if (action == Action.ADDED) {
                created.incrementAndGet();
              }
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
          });
      int requestsBefore = server.getRequestCount();
      double cpuBefore = Machine.cpuSeconds(operator.pid());
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        CdcPipeline p = TestPipelines.minimal();
        p.getMetadata().setName(String.format("orders-%05d", i));
        p.getMetadata().setUid(null);
        p.getMetadata().setGeneration(null);
        p.setStatus(null);
        client.resource(p).create();
      }
      double applied = PostgresLimits.seconds(start);
      long deadline = System.nanoTime() + 900_000_000_000L;
      while (created.get() < n) {
        if (System.nanoTime() > deadline || !operator.alive()) {
          throw new IllegalStateException("only " + created.get() + " of " + n + " FlinkDeployments after 900 s; see "
              + operator.log());
        }
        Thread.sleep(20);
      }
      double all = PostgresLimits.seconds(start);
      double cpu = Machine.cpuSeconds(operator.pid()) - cpuBefore;
      watch.close();
      double requests = server.getRequestCount() - requestsBefore - n;
      ctx.notes.add("operator API requests, by kind: " + requestKinds(server));
      operator.send("gc");
      double heapMb = Long.parseLong(operator.await("HEAP", 60).split(" ")[1]) / 1024.0 / 1024.0;
      ctx.add(Result.of("operator", n + " CdcPipelines → every FlinkDeployment exists", all, "s")
          .against("the mock API server storing the CdcPipelines", applied).target(Target.atMost(30))
          .note("the fabric8 mock server (CRUD mode) matches every request against every stored object on one"
              + " thread; a ratio near 1 means the operator kept pace with it"));
      ctx.add(Result.of("operator", "pipelines reconciled to a FlinkDeployment per second", n / all, "1/s")
          .against("operator CPU alone", n / cpu)
          .note("about " + Format.number(requests / n) + " API requests per pipeline"));
      ctx.add(Result.of("cpu", "operator CPU per pipeline", cpu * 1000 / n, "ms"));
      ctx.add(Result.of("operator", "operator heap after full GC", heapMb, "MB").target(Target.atMost(256))
          .note("-Xmx" + HEAP));
      ctx.add(Result.of("memory", "operator RSS peak", rss.takePeakMb(), "MB"));
      operator.send("stop");
    } finally {
      server.destroy();
    }
  }
}
