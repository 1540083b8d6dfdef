package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.DesiredHash;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/** The pipeline's FlinkDeployment. The Flink Kubernetes Operator runs and upgrades the job. */
// Its informer (which objects, what of them is cached) is configured by DependentInformers.
public class FlinkDeploymentDependent extends CRUDKubernetesDependentResource<FlinkDeployment, CdcPipeline> {
  /** The dependent's name in the reconciler's workflow. */
  public static final String NAME = "flink-deployment";

  public FlinkDeploymentDependent() {
    super(FlinkDeployment.class);
  }

  @Override
  protected FlinkDeployment desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return DesiredResourcesInContext.get(context).flinkDeployment();
  }

  /**
   * Matched by the desired object's hash, not by server-side apply's field-by-field matcher: that one needs the
   * whole object and its managedFields cached, which the operator's informer does not keep (CachedViews).
   */
  @Override
  public Matcher.Result<FlinkDeployment> match(FlinkDeployment actual, FlinkDeployment desired, CdcPipeline pipeline, Context<CdcPipeline> context) {
    return Matcher.Result.computed(DesiredHash.matches(actual, desired), desired);
  }
}
