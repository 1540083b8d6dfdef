package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;

/** The ConfigMap holding the job's config file. Holds no credentials. */
public final class PipelineConfigMapFactory {
  public static final String COMPONENT = "pipeline-config";

  private PipelineConfigMapFactory() {}

  public static ConfigMap desired(CdcPipeline pipeline, String configJson) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.configMap(pipeline))
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(Labels.forComponent(pipeline, COMPONENT))
        .withOwnerReferences(OwnerReferences.controlledBy(pipeline))
        .endMetadata()
        .withData(Map.of(PipelineConfigFile.FILE_NAME, configJson))
        .build();
  }
}
