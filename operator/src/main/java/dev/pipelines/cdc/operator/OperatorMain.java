package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.metrics.MetricsServer;
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
    if (settings.metricsPort() > 0) {
      MetricsServer server = MetricsServer.start(settings.metricsPort(), metrics);
      LOG.info("serving Prometheus metrics on :{}/metrics", server.port());
    }
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), Databases.jdbc(), metrics, o -> {});
    operator.installShutdownHook(Duration.ofSeconds(10));
    operator.start();
  }
}
