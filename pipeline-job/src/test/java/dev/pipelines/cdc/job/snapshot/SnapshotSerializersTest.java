package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotSerializersTest {
  private static final SnapshotSplit FIRST = new SnapshotSplit("\"s\".\"t\"#0", "s.t", "\"s\".\"t\"", SnapshotSplit.OPEN,
      17, "00000003-0000001B-1");
  private static final SnapshotSplit MIDDLE = new SnapshotSplit("\"s\".\"p 1\"#1", "s.parent", "\"s\".\"p 1\"", 17, 34,
      "00000003-0000001B-1");
  private static final SnapshotSplit LAST = new SnapshotSplit("\"s\".\"ü\"#2", "s.ü", "\"s\".\"ü\"", 34,
      SnapshotSplit.OPEN, "00000003-0000001B-1");

  @Test
  void splitsRoundTrip() throws IOException {
    for (SnapshotSplit split : List.of(FIRST, MIDDLE, LAST)) {
      byte[] bytes = SnapshotSplitSerializer.INSTANCE.serialize(split);
      assertThat(SnapshotSplitSerializer.INSTANCE.deserialize(SnapshotSplitSerializer.VERSION, bytes)).isEqualTo(split);
    }
  }

  @Test
  void stateRoundTripsWithItsOrderAndTotals() throws IOException {
    SnapshotState state = new SnapshotState(List.of(LAST, FIRST, MIDDLE),
        java.util.Map.of(FIRST.splitId(), "s.t", "other#9", "s.parent"),
        List.of(new TableProgress("s.t", 1, 1000, TableProgress.Status.READING),
            new TableProgress("s.parent", 2, 234, TableProgress.Status.READ),
            new TableProgress("s.ü", 3, 0, TableProgress.Status.DONE)), 4, "00000003-0000001B-1", "0/16B3748");
    byte[] bytes = SnapshotStateSerializer.INSTANCE.serialize(state);
    SnapshotState back = SnapshotStateSerializer.INSTANCE.deserialize(SnapshotStateSerializer.VERSION, bytes);
    assertThat(back).isEqualTo(state);
    assertThat(back.unassigned()).containsExactly(LAST, FIRST, MIDDLE);
    assertThat(back.splitsTotal()).isEqualTo(1234);
    SnapshotState empty = new SnapshotState(List.of(), java.util.Map.of(), List.of(), 1, "", "0/0");
    assertThat(SnapshotStateSerializer.INSTANCE.deserialize(2, SnapshotStateSerializer.INSTANCE.serialize(empty)))
        .isEqualTo(empty);
  }

  @Test
  void unknownVersionsAreRefusedNotMisread() throws IOException {
    byte[] split = SnapshotSplitSerializer.INSTANCE.serialize(FIRST);
    assertThatThrownBy(() -> SnapshotSplitSerializer.INSTANCE.deserialize(2, split))
        .hasMessageContaining("unknown snapshot split version 2");
    byte[] state = SnapshotStateSerializer.INSTANCE.serialize(new SnapshotState(List.of(FIRST), java.util.Map.of(),
        List.of(), 1, "1-2", "0/1"));
    assertThatThrownBy(() -> SnapshotStateSerializer.INSTANCE.deserialize(1, state))
        .hasMessageContaining("snapshot state of version 1 (this job reads 2)")
        .hasMessageContaining("upgradeMode: stateless");
  }

  @Test
  void theStateIsAValueNotAView() {
    java.util.ArrayList<SnapshotSplit> pending = new java.util.ArrayList<>(List.of(FIRST));
    SnapshotState state = new SnapshotState(pending, java.util.Map.of(), List.of(), 1, "1-2", "0/1");
    pending.add(LAST);
    assertThat(state.unassigned()).containsExactly(FIRST);
  }
}
