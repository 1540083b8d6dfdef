package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.config.JobImageLayout;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.desired.DesiredResources;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * What the operator generates for a pipeline, from its own pure step ({@link DesiredResources}: spec →
 * FlinkDeployment and ConfigMap) with its production settings: the cluster runs with that
 * {@code flinkConfiguration}, and the job reads that ConfigMap's {@code pipeline.json}, so a change in
 * what the operator generates changes what these tests run.
 */
record GeneratedDeployment(FlinkDeployment deployment, String pipelineJson) {

  static GeneratedDeployment of(CdcPipeline pipeline) {
    DesiredResources desired = DesiredResources.of(pipeline, OperatorSettings.fromEnv(Map.of()));
    String json = desired.configMap().getData().get(PipelineConfigFile.FILE_NAME);
    if (json == null) {
      throw new IllegalStateException("the ConfigMap has no " + PipelineConfigFile.FILE_NAME + ": " + desired.configMap());
    }
    return new GeneratedDeployment(desired.flinkDeployment(), json);
  }

  Map<String, String> flinkConfiguration() {
    return Map.copyOf(deployment.getSpec().getFlinkConfiguration());
  }

  int parallelism() {
    return deployment.getSpec().getJob().getParallelism();
  }

  /** The class the Flink Kubernetes Operator runs ({@code spec.job.entryClass}). */
  String entryClass() {
    return deployment.getSpec().getJob().getEntryClass();
  }

  /** The jar inside the image ({@code spec.job.jarURI}); here it must be the jar the image is built with. */
  String jarUri() {
    return deployment.getSpec().getJob().getJarURI();
  }

  /** {@code spec.job.args}, with the ConfigMap's mount path replaced by where this test wrote the same file. */
  List<String> programArgs(Path configFile) {
    return Arrays.stream(deployment.getSpec().getJob().getArgs())
        .map(a -> a.equals(PipelineConfigFile.PATH) ? configFile.toString() : a).toList();
  }

  /** {@code spec.jobManager.resource.memory}: the Flink Kubernetes Operator's {@code jobmanager.memory.process.size}. */
  String jobManagerMemory() {
    return deployment.getSpec().getJobManager().getResource().getMemory();
  }

  /** {@code spec.taskManager.resource.memory}: its {@code taskmanager.memory.process.size}. */
  String taskManagerMemory() {
    return deployment.getSpec().getTaskManager().getResource().getMemory();
  }

  /** Whether the FlinkDeployment runs the jar at the image's usrlib path, the one the tests submit. */
  boolean runsTheImagesJar() {
    return JobImageLayout.JAR_URI.equals(jarUri()) && JobImageLayout.ENTRY_CLASS.equals(entryClass());
  }
}
