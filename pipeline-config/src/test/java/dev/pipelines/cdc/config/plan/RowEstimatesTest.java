package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowEstimatesTest {
  @Test
  void partitionsAddUpAndOneNeverAnalyzedMakesTheTableUnknown() {
    Map<String, Long> sums = new HashMap<>();
    RowEstimates.add(sums, "s.p", 100.4);
    RowEstimates.add(sums, "s.p", 200.0);
    RowEstimates.add(sums, "s.q", 10);
    RowEstimates.add(sums, "s.q", -1);
    RowEstimates.add(sums, "s.q", 10);
    assertThat(sums).containsEntry("s.p", 300L).containsEntry("s.q", RowEstimates.UNKNOWN);
  }

  @Test
  void theTotalIsUnknownWhenATableIsUnknownOrMissing() {
    RowEstimates estimates = new RowEstimates(Map.of("s.a", 5L, "s.b", 7L, "s.c", RowEstimates.UNKNOWN));
    assertThat(estimates.total(List.of("s.a", "s.b"))).isEqualTo(12);
    assertThat(estimates.total(List.of())).isZero();
    assertThat(estimates.total(List.of("s.a", "s.c"))).isEqualTo(RowEstimates.UNKNOWN);
    assertThat(estimates.total(List.of("s.a", "s.gone"))).isEqualTo(RowEstimates.UNKNOWN);
  }
}
