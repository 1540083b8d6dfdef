package dev.pipelines.cdc.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.config.CredentialEnvVars;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.PipelineConfigFile;
import dev.pipelines.cdc.operator.Golden;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.Test;

class DesiredResourcesTest {

  @Test
  void minimalPipelineMatchesGoldenFiles() {
    DesiredResources desired = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings());

    Golden.assertMatches(desired.flinkDeployment(), "flinkdeployment-minimal.yaml");
    Golden.assertMatches(desired.configMap(), "configmap-minimal.yaml");
  }

  @Test
  void fullPipelineMatchesGoldenFiles() {
    DesiredResources desired = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings());

    Golden.assertMatches(desired.flinkDeployment(), "flinkdeployment-full.yaml");
    Golden.assertMatches(desired.configMap(), "configmap-full.yaml");
  }

  /** A sub-second flushInterval: the job checkpoints that often, and each checkpoint loads the rows. */
  @Test
  void lowLatencyPipelineMatchesGoldenFiles() {
    DesiredResources desired = DesiredResources.of(TestPipelines.lowLatency(), TestOperatorSettings.settings());

    Golden.assertMatches(desired.flinkDeployment(), "flinkdeployment-lowlatency.yaml");
    Golden.assertMatches(desired.configMap(), "configmap-lowlatency.yaml");
    assertThat(desired.flinkDeployment().getSpec().getFlinkConfiguration())
        .containsEntry("execution.checkpointing.interval", "200ms");
  }

  @Test
  void sameInputGivesEqualObjects() {
    DesiredResources a = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings());
    DesiredResources b = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings());

    assertThat(Serialization.asYaml(a.flinkDeployment())).isEqualTo(Serialization.asYaml(b.flinkDeployment()));
    assertThat(a.configMap()).isEqualTo(b.configMap());
  }

  @Test
  void configChangeChangesThePodTemplateHashSoFlinkUpgradesTheJob() {
    CdcPipeline changed = TestPipelines.with(TestPipelines.minimal(), "spec.sink.starrocks.flushInterval", "1s");

    String before = hash(DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment());
    String after = hash(DesiredResources.of(changed, TestOperatorSettings.settings()).flinkDeployment());

    assertThat(after).isNotEqualTo(before).hasSize(16);
  }

  @Test
  void configMapCarriesTheConfigTheJobReadsAndNoCredentials() {
    DesiredResources desired = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings());
    String json = desired.configMap().getData().get(PipelineConfigFile.FILE_NAME);

    PipelineConfig config = PipelineConfigCodec.read(json);
    assertThat(config.source().slotName()).isEqualTo("orders_slot");
    assertThat(config.sink().flushIntervalMillis()).isEqualTo(1000);
    assertThat(json).doesNotContainIgnoringCase("password").doesNotContain("pass\"");
  }

  @Test
  void credentialsReachThePodsOnlyAsSecretKeyRefs() {
    FlinkDeployment fd = DesiredResources.of(TestPipelines.full(), TestOperatorSettings.settings()).flinkDeployment();

    var env = fd.getSpec().getPodTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env).extracting(e -> e.getName()).containsExactly(CredentialEnvVars.SOURCE_USERNAME,
        CredentialEnvVars.SOURCE_PASSWORD, CredentialEnvVars.SINK_USERNAME, CredentialEnvVars.SINK_PASSWORD);
    assertThat(env).allSatisfy(e -> {
      assertThat(e.getValue()).isNull();
      assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
    });
    assertThat(env.get(1).getValueFrom().getSecretKeyRef().getName()).isEqualTo("pg-cdc");
    assertThat(env.get(1).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("pass");
  }

  @Test
  void suspendSetsJobStateSuspended() {
    CdcPipeline suspended = TestPipelines.with(TestPipelines.minimal(), "spec.job.suspend", true);

    assertThat(DesiredResources.of(suspended, TestOperatorSettings.settings()).flinkDeployment().getSpec().getJob().getState())
        .isEqualTo(JobState.SUSPENDED);
    assertThat(DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment().getSpec().getJob()
        .getState()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void aHeldStopSuspendsTheJobWithoutChangingItsConfig() {
    DesiredResources running = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings());
    DesiredResources held = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings(), true);

    assertThat(held.flinkDeployment().getSpec().getJob().getState()).isEqualTo(JobState.SUSPENDED);
    assertThat(held.configMap()).isEqualTo(running.configMap());
    assertThat(held.flinkDeployment().getSpec().getPodTemplate()).isEqualTo(running.flinkDeployment().getSpec()
        .getPodTemplate());
  }

  @Test
  void restartsBackOffExponentiallyUnlessTheUserConfiguredTheirOwn() {
    var conf = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment().getSpec()
        .getFlinkConfiguration();
    assertThat(conf).containsEntry("restart-strategy.type", "exponential-delay")
        .containsEntry("restart-strategy.exponential-delay.initial-backoff", "1 s")
        .containsEntry("restart-strategy.exponential-delay.max-backoff", "1 min")
        .containsEntry("restart-strategy.exponential-delay.backoff-multiplier", "2.0");

    CdcPipeline own = TestPipelines.with(TestPipelines.minimal(), "spec.job.flinkConfiguration",
        java.util.Map.of("restart-strategy.exponential-delay.max-backoff", "5 min"));
    assertThat(DesiredResources.of(own, TestOperatorSettings.settings()).flinkDeployment().getSpec().getFlinkConfiguration())
        .containsEntry("restart-strategy.exponential-delay.max-backoff", "5 min")
        .containsEntry("restart-strategy.type", "exponential-delay");
  }

  @Test
  void operatorDefaultStateDirIsUsedWhenSpecHasNone() {
    CdcPipeline noDir = TestPipelines.with(TestPipelines.minimal(), "spec.job.stateDir", null);
    OperatorSettings s = TestOperatorSettings.settings();
    OperatorSettings withDefault = new OperatorSettings(s.defaultJobImage(), s.watchNamespaces(), s.flinkVersion(),
        s.flinkServiceAccount(), Optional.of("s3://platform/cdc"), s.secretRecheckInterval(), s.slotStatusInterval(),
        s.metricsPort(), s.maxParallelism());

    var conf = DesiredResources.of(noDir, withDefault).flinkDeployment().getSpec().getFlinkConfiguration();

    assertThat(conf).containsEntry("state.checkpoints.dir", "s3://platform/cdc/checkpoints")
        .containsEntry("high-availability.type", "kubernetes");
  }

  private static String hash(FlinkDeployment fd) {
    return fd.getSpec().getPodTemplate().getMetadata().getAnnotations().get(FlinkDeploymentFactory.CONFIG_HASH_ANNOTATION);
  }
}
