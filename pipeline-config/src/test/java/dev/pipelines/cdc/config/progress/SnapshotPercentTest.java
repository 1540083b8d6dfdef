package dev.pipelines.cdc.config.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.plan.RowEstimates;
import org.junit.jupiter.api.Test;

class SnapshotPercentTest {
  @Test
  void rowsOfTheEstimateWhenThereIsOne() {
    assertThat(SnapshotPercent.of(new SnapshotFigures(3, 5, 40, 60, 1_234_567), 2_000_000)).isEqualTo(61);
  }

  @Test
  void splitsWithoutAnEstimate() {
    assertThat(SnapshotPercent.of(new SnapshotFigures(3, 5, 40, 60, 1_234_567), RowEstimates.UNKNOWN)).isEqualTo(66);
    assertThat(SnapshotPercent.of(new SnapshotFigures(0, 0, 0, 0, 0), 0)).as("no tables: done").isEqualTo(100);
  }

  @Test
  void never100BeforeTheLastSplitNorMoreThan100() {
    assertThat(SnapshotPercent.of(new SnapshotFigures(4, 5, 59, 60, 2_500_000), 2_000_000)).isEqualTo(99);
    assertThat(SnapshotPercent.of(new SnapshotFigures(5, 5, 60, 60, 2_500_000), 2_000_000)).isEqualTo(100);
  }
}
