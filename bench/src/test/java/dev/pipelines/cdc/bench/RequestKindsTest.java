package dev.pipelines.cdc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestKindsTest {

  @Test
  void perPipelineLargestFirst() {
    Map<String, Long> kinds = Map.of("get core/secrets", 2_000L, "patch flink.apache.org/flinkdeployments", 1_000L,
        "create core/events", 1_000L);

    assertThat(RequestKinds.total(kinds)).isEqualTo(4_000);
    assertThat(RequestKinds.perPipeline(kinds, 1_000))
        .isEqualTo("get core/secrets 2.00, create core/events 1.00, patch flink.apache.org/flinkdeployments 1.00");
    assertThat(RequestKinds.perPipeline(Map.of(), 10)).isEqualTo("none");
  }
}
