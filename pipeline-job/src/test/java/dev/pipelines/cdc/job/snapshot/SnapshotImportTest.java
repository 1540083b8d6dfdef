package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.job.failure.PipelineStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failed imports fall back, stop or restart (SQLSTATEs of PostgreSQL's ImportSnapshot). */
class SnapshotImportTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(nullValues = "null", value = {
      "42704, GONE", // snapshot "..." does not exist: its connection ended
      "55000, GONE", // the source process is not running anymore
      "22023, NEVER", // invalid snapshot identifier
      "0A000, NEVER", // cannot import a snapshot from a different database
      "08006, TRANSIENT", // connection failure
      "57P01, TRANSIENT", // terminating connection due to administrator command
      "53300, TRANSIENT", // too many connections
      "null, TRANSIENT"})
  void sqlState(String state, SnapshotImport expected) {
    assertThat(SnapshotImport.of(state)).isEqualTo(expected);
  }

  @Test
  void aNameThatIsNotAnExportedSnapshotStopsBeforeAnySql() {
    // Lower case is not what PostgreSQL exports (%08X-%08X-%d) and would be refused as invalid.
    assertThatThrownBy(() -> SnapshotTransaction.begin(null, "0000000a-1")).cause().isInstanceOf(PipelineStop.class)
        .hasMessageStartingWith("[SourceNotReady] the snapshot's readers cannot import exported snapshot 0000000a-1 (it"
            + " is not a snapshot name PostgreSQL exports)")
        .hasMessageContaining("start the pipeline without its checkpoint");
  }
}
