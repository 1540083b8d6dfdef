package dev.pipelines.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlushPolicyTest {

  @Test
  void oneSecondAndMoreIsTheConnectorsOwnTimer() {
    assertThat(FlushPolicy.flushesOnCheckpoints(DeliverySemantic.AT_LEAST_ONCE, 1_000)).isFalse();
    assertThat(FlushPolicy.connectorFlushMillis(5_000)).isEqualTo(5_000);
    assertThat(FlushPolicy.checkpointMillis(30_000, DeliverySemantic.AT_LEAST_ONCE, 5_000)).isEqualTo(30_000);
  }

  @Test
  void subSecondAtLeastOnceFlushesOnCheckpoints() {
    assertThat(FlushPolicy.flushesOnCheckpoints(DeliverySemantic.AT_LEAST_ONCE, 200)).isTrue();
    assertThat(FlushPolicy.connectorFlushMillis(200)).isEqualTo(1_000);
    assertThat(FlushPolicy.checkpointMillis(30_000, DeliverySemantic.AT_LEAST_ONCE, 200)).isEqualTo(200);
    // a checkpoint interval that is already shorter stays
    assertThat(FlushPolicy.checkpointMillis(100, DeliverySemantic.AT_LEAST_ONCE, 200)).isEqualTo(100);
  }

  @Test
  void exactlyOnceIsCheckpointBoundAnyway() {
    assertThat(FlushPolicy.flushesOnCheckpoints(DeliverySemantic.EXACTLY_ONCE, 200)).isFalse();
    assertThat(FlushPolicy.checkpointMillis(30_000, DeliverySemantic.EXACTLY_ONCE, 200)).isEqualTo(30_000);
  }
}
