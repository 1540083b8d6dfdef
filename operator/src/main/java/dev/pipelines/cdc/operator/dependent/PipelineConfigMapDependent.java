package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The ConfigMap with the job's config file, mounted into the Flink pods. */
// Only the operator's own objects are listed, watched and cached (they all carry its managed-by label).
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PipelineConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, CdcPipeline> {

  public PipelineConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return DesiredResourcesInContext.get(context).configMap();
  }
}
