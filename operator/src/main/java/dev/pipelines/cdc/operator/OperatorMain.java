package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
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
    Operator operator = CdcPipelineOperator.create(settings, Clock.systemUTC(), o -> {});
    operator.installShutdownHook(Duration.ofSeconds(10));
    operator.start();
  }
}
