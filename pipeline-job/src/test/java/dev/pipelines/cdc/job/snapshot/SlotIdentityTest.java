package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which existing slots can be the pipeline's, and the message for the rest. */
class SlotIdentityTest {
  @ParameterizedTest(name = "plugin {0}, database {1}, active {2}")
  @CsvSource(nullValues = "null", delimiter = '|', value = {
      "pgoutput      | shop  | null | ",
      "pgoutput      | shop  | 4711 | ",
      "test_decoding | shop  | null | replication slot s exists but is a logical slot of plugin test_decoding, not the"
          + " pipeline's pgoutput slot; another consumer may own it: give the pipeline another slotName, or, if nothing"
          + " needs the slot, drop it (SELECT pg_drop_replication_slot('s'))",
      "wal2json      | other | null | a logical slot of plugin wal2json",
      "null          | null  | null | replication slot s exists but is a physical slot, not the pipeline's logical"
          + " pgoutput slot; a standby or backup tool may own it",
      "pgoutput      | other | null | replication slot s exists in database other, not in shop where the pipeline"
          + " reads: give the pipeline another slotName, or, if nothing needs the slot, drop it there"
          + " (SELECT pg_drop_replication_slot('s'))"})
  void slot(String plugin, String database, Integer activePid, String expected) {
    var problem = SlotIdentity.problem(new ExistingSlot("s", plugin, database, activePid), "shop");

    if (expected == null) {
      assertThat(problem).as("the pipeline's own (being in use is decided elsewhere)").isEmpty();
    } else {
      assertThat(problem).hasValueSatisfying(m -> assertThat(m).contains(expected).doesNotContain("\n"));
    }
  }
}
