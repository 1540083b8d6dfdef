package dev.pipelines.cdc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency percentiles by the nearest-rank method: p50 of 200 samples is the 100th smallest, so every
 * reported figure is a latency that was really observed (no interpolation between two samples).
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

  public static Percentiles of(List<Double> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  /** The smallest sample such that at least {@code percent}% of the samples are at or below it. */
  static double rank(List<Double> sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }
}
