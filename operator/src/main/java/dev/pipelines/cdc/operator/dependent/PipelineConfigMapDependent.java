package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.DesiredHash;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/** The ConfigMap with the job's config file, mounted into the Flink pods. */
// Its informer (which objects, what of them is cached) is configured by DependentInformers.
public class PipelineConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, CdcPipeline> {
  /** The dependent's name in the reconciler's workflow. */
  public static final String NAME = "pipeline-config";

  public PipelineConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return DesiredResourcesInContext.get(context).configMap();
  }

  /**
   * Matched by the desired object's hash, not by server-side apply's field-by-field matcher: that one needs the
   * whole object and its managedFields cached, which the operator's informer does not keep (CachedViews).
   */
  @Override
  public Matcher.Result<ConfigMap> match(ConfigMap actual, ConfigMap desired, CdcPipeline pipeline, Context<CdcPipeline> context) {
    return Matcher.Result.computed(DesiredHash.matches(actual, desired), desired);
  }
}
