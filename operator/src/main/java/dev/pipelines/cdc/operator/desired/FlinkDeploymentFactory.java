package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.config.CredentialEnvVars;
import dev.pipelines.cdc.config.JobImageLayout;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.RestartPolicy;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.StarRocksSink;
import dev.pipelines.cdc.operator.api.v1alpha1.JobSpec;
import dev.pipelines.cdc.operator.api.v1alpha1.SecretCredentials;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.naming.Names;
import dev.pipelines.cdc.operator.flink.FlinkConfigMap;
import dev.pipelines.cdc.operator.flink.FlinkOptions;
import dev.pipelines.cdc.operator.spec.Durations;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobManagerSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.KubernetesDeploymentMode;
import org.apache.flink.kubernetes.operator.api.spec.Resource;
import org.apache.flink.kubernetes.operator.api.spec.TaskManagerSpec;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;

/**
 * CdcPipeline → the desired FlinkDeployment (application mode). Pure: the same inputs always give
 * an equal object, so the dependent resource never sees a spurious difference.
 */
public final class FlinkDeploymentFactory {
  public static final String COMPONENT = "flink-job";
  /** Changes whenever the pipeline config changes, so that the Flink operator upgrades the job. */
  public static final String CONFIG_HASH_ANNOTATION = "cdc.pipelines.dev/config-hash";

  /** The container name the Flink operator merges pod-template settings into. */
  static final String FLINK_MAIN_CONTAINER = "flink-main-container";

  static final String CONFIG_VOLUME = "pipeline-config";

  private FlinkDeploymentFactory() {}

  public static FlinkDeployment desired(CdcPipeline pipeline, OperatorSettings settings, String configHash) {
    return desired(pipeline, settings, configHash, false);
  }

  /**
   * @param holdStopped suspend the job although the spec does not: it stopped itself on a refused
   *     row or a TRUNCATE, which the Flink operator's redeploy from the last checkpoint only repeats
   */
  public static FlinkDeployment desired(CdcPipeline pipeline, OperatorSettings settings, String configHash,
      boolean holdStopped) {
    JobSpec job = pipeline.getSpec().job();
    FlinkDeployment deployment = new FlinkDeployment();
    // The model pre-fills a status; the desired object must not carry one (the Flink operator owns it).
    deployment.setStatus(null);
    deployment.setMetadata(
        new ObjectMetaBuilder()
            .withName(Names.flinkDeployment(pipeline))
            .withNamespace(pipeline.getMetadata().getNamespace())
            .withLabels(Labels.forComponent(pipeline, COMPONENT))
            .withOwnerReferences(OwnerReferences.controlledBy(pipeline))
            .build());

    FlinkDeploymentSpec spec = new FlinkDeploymentSpec();
    spec.setImage(job.image() != null ? job.image() : settings.defaultJobImage());
    spec.setImagePullPolicy("IfNotPresent");
    spec.setFlinkVersion(settings.flinkVersion());
    spec.setServiceAccount(job.serviceAccount() != null ? job.serviceAccount() : settings.flinkServiceAccount());
    spec.setMode(KubernetesDeploymentMode.NATIVE);
    spec.setFlinkConfiguration(flinkConfiguration(job, pipeline.getSpec().sink().starrocks(), stateDir(job, settings)));
    spec.setPodTemplate(podTemplate(pipeline, configHash));
    spec.setJobManager(
        new JobManagerSpec(new Resource(job.jobManager().cpu(), job.jobManager().memory(), null), 1, null));
    spec.setTaskManager(
        new TaskManagerSpec(new Resource(job.taskManager().cpu(), job.taskManager().memory(), null), null, null));
    spec.setJob(jobSpec(job, holdStopped));
    deployment.setSpec(spec);
    return deployment;
  }

  /** The state directory in effect: the spec's, else the operator's default. */
  public static Optional<String> stateDir(JobSpec job, OperatorSettings settings) {
    return Optional.ofNullable(job.stateDir()).or(settings::defaultStateDir);
  }

  private static Map<String, String> flinkConfiguration(JobSpec job, StarRocksSink sink, Optional<String> stateDir) {
    FlinkConfigMap conf = new FlinkConfigMap(job.flinkConfiguration())
        .setDuration(FlinkOptions.CHECKPOINT_INTERVAL, checkpointInterval(job, sink))
        // A cancelled or failed job keeps its last checkpoint, so the slot position is never lost.
        .set(FlinkOptions.CHECKPOINT_RETENTION, FlinkOptions.RETAIN_ON_CANCELLATION)
        .set(FlinkOptions.TASK_SLOTS, job.taskManager().taskSlots())
        // The job stops itself when a source table changes shape; a redeploy re-plans and resumes. (Stops a
        // redeploy only repeats, a refused row or a TRUNCATE, are held suspended instead: StopHold.)
        .set(FlinkOptions.RESTART_FAILED, true)
        // Faults worth retrying restart with exponential backoff (1 s doubling to 1 min); a user's own
        // restart-strategy keys win. Faults retrying cannot fix never restart (SuppressRestartsException).
        .setIfAbsent(RestartPolicy.flinkConfiguration());
    stateDir.map(FlinkDeploymentFactory::withoutTrailingSlash)
        .ifPresent(
            dir -> conf
                .set(FlinkOptions.CHECKPOINTS_DIR, dir + "/checkpoints")
                .set(FlinkOptions.SAVEPOINTS_DIR, dir + "/savepoints")
                // JobManager failover resumes from the latest checkpoint instead of starting over.
                .set(FlinkOptions.HA_TYPE, FlinkOptions.HA_KUBERNETES)
                .set(FlinkOptions.HA_STORAGE_DIR, dir + "/ha"));
    return conf.toMap();
  }

  /**
   * The spec's checkpointInterval, or a shorter sub-second flushInterval: then each checkpoint is
   * what loads the rows (see {@link FlushPolicy}).
   */
  static String checkpointInterval(JobSpec job, StarRocksSink sink) {
    long checkpoint = Durations.of(job.checkpointInterval()).toMillis();
    long flush = Durations.of(sink.flushInterval()).toMillis();
    return FlushPolicy.checkpointMillis(checkpoint, sink.semantic(), flush) < checkpoint
        ? sink.flushInterval() : job.checkpointInterval();
  }

  private static String withoutTrailingSlash(String dir) {
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  private static org.apache.flink.kubernetes.operator.api.spec.JobSpec jobSpec(JobSpec job, boolean holdStopped) {
    org.apache.flink.kubernetes.operator.api.spec.JobSpec flinkJob =
        new org.apache.flink.kubernetes.operator.api.spec.JobSpec();
    flinkJob.setJarURI(JobImageLayout.JAR_URI);
    flinkJob.setEntryClass(JobImageLayout.ENTRY_CLASS);
    flinkJob.setArgs(new String[] {JobImageLayout.CONFIG_ARG, PipelineConfigFile.PATH});
    flinkJob.setParallelism(job.parallelism());
    flinkJob.setUpgradeMode(UpgradeMode.valueOf(job.upgradeMode().name()));
    flinkJob.setState(job.suspend() || holdStopped ? JobState.SUSPENDED : JobState.RUNNING);
    return flinkJob;
  }

  private static PodTemplateSpec podTemplate(CdcPipeline pipeline, String configHash) {
    SecretCredentials source = pipeline.getSpec().source().postgres().credentialsSecret();
    SecretCredentials sink = pipeline.getSpec().sink().starrocks().credentialsSecret();
    List<EnvVar> env =
        List.of(
            secretEnv(CredentialEnvVars.SOURCE_USERNAME, source.name(), source.usernameKey()),
            secretEnv(CredentialEnvVars.SOURCE_PASSWORD, source.name(), source.passwordKey()),
            secretEnv(CredentialEnvVars.SINK_USERNAME, sink.name(), sink.usernameKey()),
            secretEnv(CredentialEnvVars.SINK_PASSWORD, sink.name(), sink.passwordKey()));
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Labels.forComponent(pipeline, COMPONENT))
        .withAnnotations(Map.of(CONFIG_HASH_ANNOTATION, configHash))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(FLINK_MAIN_CONTAINER)
        .withEnv(env)
        .addNewVolumeMount()
        .withName(CONFIG_VOLUME)
        .withMountPath(PipelineConfigFile.MOUNT_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName(CONFIG_VOLUME)
        .withNewConfigMap()
        .withName(Names.configMap(pipeline))
        .endConfigMap()
        .endVolume()
        .endSpec()
        .build();
  }

  private static EnvVar secretEnv(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(false)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }
}
