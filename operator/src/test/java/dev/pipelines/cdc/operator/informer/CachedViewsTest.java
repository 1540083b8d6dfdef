package dev.pipelines.cdc.operator.informer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.DesiredHash;
import dev.pipelines.cdc.operator.desired.DesiredResources;
import dev.pipelines.cdc.operator.progress.JobManagerAddress;
import dev.pipelines.cdc.operator.status.FlinkJobObservation;
import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.junit.jupiter.api.Test;

/** Every reader of a cached object answers the same on the view as on the whole object. */
class CachedViewsTest {

  @Test
  void aFlinkDeploymentsViewReadsAsTheDeploymentInEveryStateTheFlinkOperatorWrites() {
    List<FlinkDeployment> states = new ArrayList<>();
    states.add(deployment());
    states.add(FlinkOperatorDouble.on(deployment()).firstReconcile().deployment());
    states.add(FlinkOperatorDouble.on(deployment()).firstReconcile()
        .jobManagerFailed("CrashLoopBackOff", "back-off 5m0s restarting failed container").deployment());
    states.add(FlinkOperatorDouble.on(deployment()).deployedAndRunning().deployment());
    states.add(FlinkOperatorDouble.on(deployment()).deployedAndRunning()
        .jobFailed(FlinkOperatorDouble.jobError("java.io.IOException", "boom")).deployment());
    states.add(FlinkOperatorDouble.on(deployment()).deployedAndRunning()
        .jobFailed(FlinkOperatorDouble.jobError("java.io.IOException", "boom")).failedJobRestarted().deployment());
    FlinkDeployment suspended = deployment();
    FlinkOperatorDouble flink = FlinkOperatorDouble.on(suspended).deployedAndRunning();
    suspended.getSpec().getJob().setState(JobState.SUSPENDED);
    suspended.getMetadata().setGeneration(2L);
    states.add(flink.deployment());
    states.add(flink.specReconciled().deployment());
    FlinkDeployment otherPort = deployment();
    otherPort.getSpec().getFlinkConfiguration().put(JobManagerAddress.REST_PORT_KEY, "18081");
    states.add(FlinkOperatorDouble.on(otherPort).deployedAndRunning().deployment());

    for (FlinkDeployment written : states) {
      FlinkDeployment whole = copy(written);
      FlinkDeployment view = CachedViews.flinkDeployment(copy(written));

      assertThat(FlinkJobObservation.of(view)).isEqualTo(FlinkJobObservation.of(whole));
      assertThat(JobManagerAddress.restService().of(view)).isEqualTo(JobManagerAddress.restService().of(whole));
      assertThat(view.getStatus()).isEqualTo(whole.getStatus());
      assertThat(view.getMetadata().getOwnerReferences()).isEqualTo(whole.getMetadata().getOwnerReferences());
      assertThat(view.getMetadata().getAnnotations()).isEqualTo(whole.getMetadata().getAnnotations())
          .containsKey(DesiredHash.ANNOTATION);
      assertThat(view.getMetadata().getManagedFields()).isNullOrEmpty();
      assertThat(view.getSpec().getPodTemplate()).isNull();
      assertThat(view.getSpec().getJob().getJarURI()).isNull();
      assertThat(view.getSpec().getImage()).isNull();
    }
    assertThat(JobManagerAddress.restService().of(CachedViews.flinkDeployment(copy(states.get(states.size() - 1))))
        .getPort()).isEqualTo(18081);
  }

  @Test
  void aStableDeploymentsTwoSpecsAreKeptAsOneString() {
    FlinkDeployment decoded = copy(FlinkOperatorDouble.on(deployment()).deployedAndRunning().deployment());
    var whole = decoded.getStatus().getReconciliationStatus();
    assertThat(whole.getLastStableSpec()).isEqualTo(whole.getLastReconciledSpec()).isNotSameAs(whole.getLastReconciledSpec());

    var kept = CachedViews.flinkDeployment(decoded).getStatus().getReconciliationStatus();

    assertThat(kept.getLastStableSpec()).isSameAs(kept.getLastReconciledSpec());
  }

  @Test
  void aConfigMapsViewKeepsItsMetadataWithoutDataOrManagedFields() {
    ConfigMap whole = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).configMap();
    whole.getMetadata().setManagedFields(managedFields());

    ConfigMap view = CachedViews.configMap(copy(whole));

    assertThat(view.getData()).isNull();
    assertThat(view.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(view.getMetadata().getAnnotations()).isEqualTo(whole.getMetadata().getAnnotations());
    assertThat(view.getMetadata().getLabels()).isEqualTo(whole.getMetadata().getLabels());
    assertThat(DesiredHash.matches(view, whole)).isTrue();
  }

  @Test
  void thePipelinesStoreCachesThemWithoutManagedFieldsUnderTheirNamespacedKey() {
    CdcPipeline pipeline = TestPipelines.minimal();
    pipeline.getMetadata().setManagedFields(managedFields());
    CachedView<CdcPipeline> store = new CachedView<>(CachedViews::withoutManagedFields);

    store.put(store.getKey(pipeline), pipeline);

    CdcPipeline cached = store.get(TestPipelines.NAMESPACE + "/" + pipeline.getMetadata().getName());
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getSpec()).isEqualTo(TestPipelines.minimal().getSpec());
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aStoreCachesTheViewItIsGiven() {
    UnaryOperator<FlinkDeployment> view = CachedViews::flinkDeployment;
    CachedView<FlinkDeployment> store = new CachedView<>(view);
    FlinkDeployment fd = deployment();

    store.put(store.getKey(fd), fd);

    assertThat(store.get(store.getKey(fd)).getSpec().getPodTemplate()).isNull();
  }

  private static FlinkDeployment deployment() {
    FlinkDeployment fd = DesiredResources.of(TestPipelines.minimal(), TestOperatorSettings.settings()).flinkDeployment();
    fd.getMetadata().setGeneration(1L);
    fd.getMetadata().setManagedFields(managedFields());
    return fd;
  }

  private static List<io.fabric8.kubernetes.api.model.ManagedFieldsEntry> managedFields() {
    return List.of(new ManagedFieldsEntryBuilder().withManager("cdcpipeline").withOperation("Apply").build());
  }

  /** As the informer decodes it: a fresh object. */
  @SuppressWarnings("unchecked")
  private static <T> T copy(T object) {
    return (T) Serialization.unmarshal(Serialization.asJson(object), object.getClass());
  }
}
