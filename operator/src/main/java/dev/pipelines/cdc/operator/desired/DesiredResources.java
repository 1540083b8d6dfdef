package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Everything the operator creates for a valid pipeline, computed in one pure step, each object carrying the
 * hash the operator matches it by ({@link DesiredHash}).
 *
 * @param configMap the job's config file
 * @param flinkDeployment the Flink job, carrying a hash of that config
 */
public record DesiredResources(ConfigMap configMap, FlinkDeployment flinkDeployment) {

  public static DesiredResources of(CdcPipeline pipeline, OperatorSettings settings) {
    return of(pipeline, settings, false);
  }

  /** @param holdStopped keep the job suspended: it stopped on a change a new start only repeats (StopHold) */
  public static DesiredResources of(CdcPipeline pipeline, OperatorSettings settings, boolean holdStopped) {
    PipelineConfig config = PipelineConfigFactory.from(pipeline);
    String configJson = PipelineConfigCodec.write(config);
    String configHash = Names.sha256Hex(configJson).substring(0, 16);
    return new DesiredResources(
        DesiredHash.stamped(PipelineConfigMapFactory.desired(pipeline, configJson, config.transforms())),
        DesiredHash.stamped(FlinkDeploymentFactory.desired(pipeline, settings, configHash, holdStopped)));
  }
}
