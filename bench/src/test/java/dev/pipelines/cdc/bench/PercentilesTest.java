package dev.pipelines.cdc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToTwoHundred() {
    List<Double> samples = new ArrayList<>();
    for (int i = 200; i >= 1; i--) {
      samples.add((double) i);
    }
    Collections.shuffle(samples);
    Percentiles p = Percentiles.of(samples);
    assertThat(p.count()).isEqualTo(200);
    assertThat(p.p50()).isEqualTo(100);
    assertThat(p.p95()).isEqualTo(190);
    assertThat(p.p99()).isEqualTo(198);
    assertThat(p.max()).isEqualTo(200);
  }

  @Test
  void everyPercentileIsAnObservedSample() {
    Percentiles p = Percentiles.of(List.of(10.0, 20.0, 30.0));
    assertThat(p.p50()).isEqualTo(20);
    assertThat(p.p95()).isEqualTo(30);
    assertThat(p.p99()).isEqualTo(30);
  }

  @Test
  void oneSample() {
    Percentiles p = Percentiles.of(List.of(7.5));
    assertThat(List.of(p.p50(), p.p95(), p.p99(), p.max())).containsOnly(7.5);
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
