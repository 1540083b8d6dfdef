package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/** The ConfigMap with the job's config file, mounted into the Flink pods. */
public class PipelineConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, CdcPipeline> {

  public PipelineConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return DesiredResourcesInContext.get(context).configMap();
  }
}
