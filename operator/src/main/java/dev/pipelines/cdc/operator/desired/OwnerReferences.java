package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Owner references that let Kubernetes garbage-collect a pipeline's objects with it. */
final class OwnerReferences {
  private OwnerReferences() {}

  static OwnerReference controlledBy(CdcPipeline pipeline) {
    return new OwnerReferenceBuilder()
        .withApiVersion(pipeline.getApiVersion())
        .withKind(pipeline.getKind())
        .withName(pipeline.getMetadata().getName())
        .withUid(pipeline.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
