package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.http.OperatorEndpoints;
import dev.pipelines.cdc.operator.http.OperatorHttpServer;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.prerequisite.Prerequisites;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator against the cluster of the current kubeconfig or service account. */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  /** Short enough that installing the Flink operator is noticed within its own start-up time. */
  private static final Duration PREREQUISITE_RECHECK = Duration.ofSeconds(10);

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorSettings settings = OperatorSettings.fromEnv(System.getenv());
    LOG.info("starting: job image {}, Flink {}, namespaces {}", settings.defaultJobImage(),
        settings.flinkVersion(), settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces());
    SlotMetrics metrics = new SlotMetrics();
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), Databases.jdbc(), metrics, o -> {});
    KubernetesClient client = operator.getKubernetesClient();
    OperatorStartup startup = new OperatorStartup(operator, () -> Prerequisites.missing(client),
        PREREQUISITE_RECHECK, line -> LOG.warn("{}", line), line -> LOG.info("{}", line));
    // Serve before starting: the probes answer (readiness 503, with the reason) while prerequisites are missing
    // and while the informers sync.
    OperatorHttpServer server = settings.metricsPort() > 0
        ? OperatorHttpServer.start(settings.metricsPort(), OperatorEndpoints.routes(metrics, startup))
        : null;
    if (server != null) {
      LOG.info("serving {}, {} and {} on :{}", OperatorEndpoints.METRICS, OperatorEndpoints.LIVENESS,
          OperatorEndpoints.READINESS, server.port());
    }
    operator.installShutdownHook(Duration.ofSeconds(10));
    try {
      startup.run();
    } catch (InterruptedException e) {
      // Nothing interrupts main in production (SIGTERM runs the shutdown hooks and ends the JVM): stop serving.
      Thread.currentThread().interrupt();
      if (server != null) {
        server.close();
      }
    } catch (RuntimeException e) {
      // The HTTP server's thread would keep the JVM (and a liveness probe) alive: exit so Kubernetes restarts us.
      LOG.error("operator failed to start", e);
      if (server != null) {
        server.close();
      }
      System.exit(1);
    }
  }
}
