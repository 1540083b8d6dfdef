package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * A status patch that carries only the pipeline's identity and the new status: with server-side
 * apply anything else in the patch would be claimed by the status field manager. Used by the
 * reconciler's status updates and by clean-up's progress reports.
 */
final class StatusPatch {
  private StatusPatch() {}

  static CdcPipeline of(CdcPipeline pipeline, CdcPipelineStatus status) {
    CdcPipeline patch = new CdcPipeline();
    patch.setMetadata(new ObjectMetaBuilder()
        .withName(pipeline.getMetadata().getName())
        .withNamespace(pipeline.getMetadata().getNamespace())
        .build());
    patch.setStatus(status);
    return patch;
  }
}
