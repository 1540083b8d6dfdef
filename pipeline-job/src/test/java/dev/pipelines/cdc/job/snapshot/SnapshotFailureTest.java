package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A failed COPY: the faults a restart meets again stop once with one line; the rest restart. */
class SnapshotFailureTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "42501 | SOURCE_NOT_READY | the snapshot cannot read table s.t (the error): grant the"
          + " pipeline's user SELECT on it (GRANT SELECT ON \"s\".\"t\" TO cdc) or leave the table out with"
          + " excludeTables",
      "42P01 | SOURCE_NOT_READY | table s.t was dropped during the snapshot (the error) and"
          + " StarRocks holds only part of it",
      "42703 | SCHEMA_CHANGED   | table s.t lost a column during the snapshot"})
  void stopsOnce(String state, JobStopReason reason, String message) {
    SQLException e = new SQLException("the error\n  Where: a second line", state);

    assertThatThrownBy(() -> SnapshotFailure.of(e, "s.t", "\"s\".\"t\"", "cdc")).cause().isInstanceOf(PipelineStop.class)
        .satisfies(t -> assertThat(((PipelineStop) t).reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason.message(message))
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest
  @CsvSource({"08006", "57P01", "XX000"})
  void restarts(String state) {
    IOException restart = SnapshotFailure.of(new SQLException("gone", state), "s.t", "\"s\".\"t\"", "cdc");

    assertThat(restart).hasMessage("snapshot of s.t failed: gone");
  }
}
