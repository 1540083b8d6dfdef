package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.desired.Labels;
import dev.pipelines.cdc.operator.informer.CachedView;
import dev.pipelines.cdc.operator.informer.CachedViews;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfig;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import java.util.function.UnaryOperator;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/** How the dependents' informers list, watch and cache the operator's own ConfigMaps and FlinkDeployments. */
public final class DependentInformers {
  private DependentInformers() {}

  /**
   * Both dependents' informers select the operator's managed-by label (without it they would list, watch and
   * cache every ConfigMap and FlinkDeployment of the watched namespaces) and, where each is a single informer
   * ({@link CachedView}), cache only the views the operator reads.
   *
   * @param singleInformer the controller watches all namespaces or one
   */
  public static void configure(ControllerConfigurationOverrider<?> controller, boolean singleInformer) {
    controller.replacingNamedDependentResourceConfig(PipelineConfigMapDependent.NAME,
        config(ConfigMap.class, singleInformer ? CachedViews::configMap : null));
    controller.replacingNamedDependentResourceConfig(FlinkDeploymentDependent.NAME,
        config(FlinkDeployment.class, singleInformer ? CachedViews::flinkDeployment : null));
  }

  private static <R extends HasMetadata> KubernetesDependentResourceConfig<R> config(Class<R> type, UnaryOperator<R> view) {
    InformerConfiguration<R>.Builder informer = InformerConfiguration.builder(type)
        .withLabelSelector(Labels.MANAGED_SELECTOR)
        .withNamespacesInheritedFromController();
    if (view != null) {
      informer.withItemStore(new CachedView<>(view));
    }
    return new KubernetesDependentResourceConfigBuilder<R>().withKubernetesDependentInformerConfig(informer.build()).build();
  }
}
