package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.health.OperatorReadiness;
import dev.pipelines.cdc.operator.http.OperatorEndpoints;
import dev.pipelines.cdc.operator.http.OperatorHttpServer;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator against the cluster of the current kubeconfig or service account. */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorSettings settings = OperatorSettings.fromEnv(System.getenv());
    LOG.info("starting: job image {}, Flink {}, namespaces {}", settings.defaultJobImage(),
        settings.flinkVersion(), settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces());
    SlotMetrics metrics = new SlotMetrics();
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), Databases.jdbc(), metrics, o -> {});
    // Serve before starting: the probes answer (readiness 503) while the informers sync.
    OperatorHttpServer server = settings.metricsPort() > 0
        ? OperatorHttpServer.start(settings.metricsPort(),
            OperatorEndpoints.routes(metrics, new OperatorReadiness(operator.getRuntimeInfo())))
        : null;
    if (server != null) {
      LOG.info("serving {}, {} and {} on :{}", OperatorEndpoints.METRICS, OperatorEndpoints.LIVENESS,
          OperatorEndpoints.READINESS, server.port());
    }
    operator.installShutdownHook(Duration.ofSeconds(10));
    try {
      operator.start();
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
