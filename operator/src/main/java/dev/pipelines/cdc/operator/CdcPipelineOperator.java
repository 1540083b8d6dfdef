package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.dependent.DependentInformers;
import dev.pipelines.cdc.operator.informer.CachedView;
import dev.pipelines.cdc.operator.informer.CachedViews;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import dev.pipelines.cdc.operator.progress.RestSnapshotProgress;
import dev.pipelines.cdc.operator.progress.SnapshotProgress;
import dev.pipelines.cdc.operator.reconciler.CdcPipelineReconciler;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import java.time.Clock;
import java.util.function.Consumer;

/** Builds the operator: one controller for CdcPipelines, watching the configured namespaces. */
public final class CdcPipelineOperator {
  private CdcPipelineOperator() {}

  /**
   * @param settings the operator's settings
   * @param clock the clock stamped into condition transition times
   * @param configuration client and JOSDK settings (production passes its defaults untouched)
   */
  public static Operator create(OperatorSettings settings, Clock clock, Consumer<ConfigurationServiceOverrider> configuration) {
    return create(settings, clock, Databases.jdbc(), new SlotMetrics(), configuration);
  }

  /**
   * @param databases how the operator reaches the pipelines' databases (tests pass fakes)
   * @param metrics where slot figures are published for the Prometheus endpoint; JOSDK's reconcile metrics go
   *     to the same registry (a {@code configuration} that sets its own metrics wins)
   */
  public static Operator create(OperatorSettings settings, Clock clock, Databases databases, SlotMetrics metrics,
      Consumer<ConfigurationServiceOverrider> configuration) {
    return create(settings, clock, databases, metrics, RestSnapshotProgress.inCluster(), configuration);
  }

  /**
   * @param progress how a running job's snapshot progress is read (production: its JobManager's REST
   *     Service; tests: a fake JobManager)
   */
  public static Operator create(OperatorSettings settings, Clock clock, Databases databases, SlotMetrics metrics,
      SnapshotProgress progress, Consumer<ConfigurationServiceOverrider> configuration) {
    // Per controller, not per resource: the reconcile counts, durations and errors stay a handful of series
    // however many pipelines there are (the slot gauges and each pipeline's status name the pipeline).
    Metrics josdk = MicrometerMetrics.withoutPerResourceMetrics(metrics.registry());
    Operator operator = new Operator(o -> configuration.accept(o.withMetrics(josdk)));
    operator.register(
        new CdcPipelineReconciler(settings, clock, databases, metrics, progress),
        c -> {
          if (settings.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchNamespaces());
          }
          // Each informer caches only what the operator reads, where it is one informer (see CachedView).
          boolean singleInformer = settings.watchNamespaces().size() <= 1;
          if (singleInformer) {
            c.withItemStore(new CachedView<>(CachedViews::withoutManagedFields));
          }
          DependentInformers.configure(c, singleInformer);
        });
    return operator;
  }
}
