package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.lifecycle.ResourceLifecycleState;
import org.junit.jupiter.api.Test;

class FlinkJobObservationTest {

  @Test
  void readsJobStateLifecycleAndTheMessageOfAJsonError() {
    FlinkDeployment fd = new FlinkDeployment();
    fd.setMetadata(new ObjectMetaBuilder().withName("orders").build());
    fd.getStatus().getJobStatus().setState(JobStatus.FAILED);
    fd.getStatus().setLifecycleState(ResourceLifecycleState.FAILED);
    fd.getStatus().setError("{\"type\":\"org.apache.flink.runtime.JobException\",\"message\":\"Recovery is suppressed\"}");

    FlinkJobObservation seen = FlinkJobObservation.of(fd);

    assertThat(seen).isEqualTo(new FlinkJobObservation("orders", "FAILED", "FAILED", "Recovery is suppressed"));
    assertThat(seen.failed()).isTrue();
    assertThat(seen.running()).isFalse();
  }

  @Test
  void plainTextErrorIsKept() {
    assertThat(FlinkJobObservation.errorMessage("image pull failed")).isEqualTo("image pull failed");
    assertThat(FlinkJobObservation.errorMessage(" ")).isNull();
  }

  @Test
  void deploymentWithoutStatusIsNotRunning() {
    FlinkDeployment fd = new FlinkDeployment();
    fd.setMetadata(new ObjectMetaBuilder().withName("orders").build());
    fd.setStatus(null);

    FlinkJobObservation seen = FlinkJobObservation.of(fd);

    assertThat(seen.running()).isFalse();
    assertThat(seen.jobState()).isNull();
  }
}
