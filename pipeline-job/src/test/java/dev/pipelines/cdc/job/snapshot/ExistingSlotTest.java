package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExistingSlotTest {
  @Test
  void noSlotIsCreatedAndTheOwnIdleOneKept() {
    assertThat(ExistingSlot.decide("s", "db", Optional.empty())).isEqualTo(ExistingSlot.Action.CREATE);
    assertThat(ExistingSlot.decide("s", "db", Optional.of(new ExistingSlot("s", "pgoutput", "db", null))))
        .isEqualTo(ExistingSlot.Action.KEEP);
  }

  @Test
  void anotherPluginsOrDatabasesOrABusySlotStopsNamingTheSlotAndTheFix() {
    assertThatThrownBy(() -> ExistingSlot.decide("s", "db", Optional.of(new ExistingSlot("s", "test_decoding", "db",
        null)))).cause().hasMessageContaining("[SourceNotReady] replication slot s exists but is a logical slot of plugin"
            + " test_decoding").hasMessageContaining("another slotName").hasMessageContaining("pg_drop_replication_slot('s')");
    assertThatThrownBy(() -> ExistingSlot.decide("s", "db", Optional.of(new ExistingSlot("s", null, null, null))))
        .cause().hasMessageContaining("a physical slot");
    assertThatThrownBy(() -> ExistingSlot.decide("s", "db", Optional.of(new ExistingSlot("s", "pgoutput", "other",
        null)))).cause().hasMessageContaining("exists in database other, not in db");
    assertThatThrownBy(() -> ExistingSlot.decide("s", "db", Optional.of(new ExistingSlot("s", "pgoutput", "db", 4711))))
        .cause().hasMessageStartingWith("[SlotInUse] replication slot s is in use by backend 4711");
  }
}
