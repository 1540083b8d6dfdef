package dev.pipelines.cdc.operator.informer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WithoutManagedFieldsTest {

  @Test
  void cachesThePipelineWithoutManagedFieldsUnderItsNamespacedKey() {
    CdcPipeline pipeline = TestPipelines.minimal();
    pipeline.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("cdcpipeline")
        .withOperation("Apply").withSubresource("status").build()));
    WithoutManagedFields<CdcPipeline> store = new WithoutManagedFields<>();

    store.put(store.getKey(pipeline), pipeline);

    CdcPipeline cached = store.get(TestPipelines.NAMESPACE + "/" + pipeline.getMetadata().getName());
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getSpec()).isEqualTo(pipeline.getSpec());
    assertThat(store.size()).isEqualTo(1);
  }
}
