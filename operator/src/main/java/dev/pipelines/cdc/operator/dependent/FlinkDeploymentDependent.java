package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/** The pipeline's FlinkDeployment. The Flink Kubernetes Operator runs and upgrades the job. */
// Only the operator's own objects are listed, watched and cached (they all carry its managed-by label).
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class FlinkDeploymentDependent extends CRUDKubernetesDependentResource<FlinkDeployment, CdcPipeline> {

  public FlinkDeploymentDependent() {
    super(FlinkDeployment.class);
  }

  @Override
  protected FlinkDeployment desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return DesiredResourcesInContext.get(context).flinkDeployment();
  }
}
