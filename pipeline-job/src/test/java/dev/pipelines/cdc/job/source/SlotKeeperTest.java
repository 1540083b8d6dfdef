package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.replication.LogSequenceNumber;

class SlotKeeperTest {
  private static final long CHECKPOINT = LogSequenceNumber.valueOf("0/16B3748").asLong();

  @Test
  void aHeartbeatComesAtLeastThreeTimesACheckpointWithinItsBounds() {
    assertThat(SlotKeeper.heartbeatInterval(30_000)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SlotKeeper.heartbeatInterval(3_000)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SlotKeeper.heartbeatInterval(500)).isEqualTo(Duration.ofMillis(200));
    assertThat(SlotKeeper.heartbeatInterval(600_000)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SlotKeeper.heartbeatInterval(-1)).as("checkpointing off").isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aSlotAtOrBehindTheStartIsNotWorthALine() {
    assertThat(SlotKeeper.slotAhead("s", CHECKPOINT, Optional.of(CHECKPOINT))).isEmpty();
    assertThat(SlotKeeper.slotAhead("s", CHECKPOINT, Optional.of(CHECKPOINT - 1))).isEmpty();
    assertThat(SlotKeeper.slotAhead("s", CHECKPOINT, Optional.empty())).as("no slot: flink-cdc's own errors")
        .isEmpty();
  }

  @Test
  void aSlotPastTheStartIsLoggedWithBothPositionsAndTheDistance() {
    assertThat(SlotKeeper.slotAhead("shop_slot", CHECKPOINT, Optional.of(CHECKPOINT + 0x100)))
        .hasValueSatisfying(message -> assertThat(message)
            .contains("starts from LSN 0/16B3748", "replication slot shop_slot has confirmed LSN 0/16B3848",
                "256 bytes of WAL later", "StarRocks holds the changes in between", "not loaded"));
  }
}
