package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;

/** The ConfigMap holding the job's config file. Holds no credentials. */
public final class PipelineConfigMapFactory {
  public static final String COMPONENT = "pipeline-config";
  /**
   * The transforms the job is given, as one line of JSON: kept in the operator's cache (which drops the
   * ConfigMap's data), so a later change of them can be judged ({@code validation.TransformChange}).
   */
  public static final String TRANSFORMS_ANNOTATION = "cdc.pipelines.dev/transforms";

  private PipelineConfigMapFactory() {}

  public static ConfigMap desired(CdcPipeline pipeline, String configJson, List<TableTransform> transforms) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.configMap(pipeline))
        .withAnnotations(Map.of(TRANSFORMS_ANNOTATION, PipelineConfigCodec.writeTransforms(transforms)))
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(Labels.forComponent(pipeline, COMPONENT))
        .withOwnerReferences(OwnerReferences.controlledBy(pipeline))
        .endMetadata()
        .withData(Map.of(PipelineConfigFile.FILE_NAME, configJson))
        .build();
  }
}
