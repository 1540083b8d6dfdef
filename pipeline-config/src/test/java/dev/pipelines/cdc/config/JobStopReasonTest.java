package dev.pipelines.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStopReasonTest {

  @Test
  void findsTheMarkerInsideAStackTraceAndKeepsOnlyItsLine() {
    String failure = "org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n"
        + "\tat org.apache.flink...\n"
        + "Caused by: dev.pipelines.cdc.job.failure.PipelineStop: "
        + JobStopReason.ROW_REJECTED.message("table public.orders, column note, key id=7: too long") + "\n"
        + "\tat dev.pipelines...";
    assertThat(JobStopReason.find(failure)).hasValueSatisfying(found -> {
      assertThat(found.reason()).isEqualTo(JobStopReason.ROW_REJECTED);
      assertThat(found.message()).isEqualTo("table public.orders, column note, key id=7: too long");
    });
  }

  @Test
  void theEarliestMarkerWins() {
    String failure = JobStopReason.TRUNCATE_NOT_REPLICATED.message("first") + "\n"
        + JobStopReason.ROW_REJECTED.message("second");
    assertThat(JobStopReason.find(failure)).map(JobStopReason.Found::reason)
        .hasValue(JobStopReason.TRUNCATE_NOT_REPLICATED);
  }

  @Test
  void plainFailuresHaveNoStopReason() {
    assertThat(JobStopReason.find("java.net.ConnectException: Connection refused")).isEmpty();
    assertThat(JobStopReason.find(null)).isEmpty();
  }
}
