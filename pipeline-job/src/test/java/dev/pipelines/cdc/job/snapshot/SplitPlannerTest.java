package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {
  private static final String SNAP = "00000003-0000001B-1";

  @Test
  void blockRangesCoverTheRelationWithoutGapsAndTheLastIsOpen() {
    // 100 rows per block, 1,000 rows per split: 10 blocks per split; 95 blocks → 10 splits.
    List<SnapshotSplit> splits = SplitPlanner.plan(List.of(new RelationSize("s.t", "\"s\".\"t\"", 95, 9500)), 1000,
        true, SNAP);
    assertThat(splits).hasSize(10);
    assertThat(splits.get(0).fromBlock()).isEqualTo(SnapshotSplit.OPEN);
    assertThat(splits.get(0).toBlock()).isEqualTo(10);
    for (int i = 1; i < splits.size(); i++) {
      assertThat(splits.get(i).fromBlock()).isEqualTo(splits.get(i - 1).toBlock());
    }
    assertThat(splits.get(9).fromBlock()).isEqualTo(90);
    assertThat(splits.get(9).toBlock()).isEqualTo(SnapshotSplit.OPEN);
    assertThat(splits).extracting(SnapshotSplit::splitId).doesNotHaveDuplicates();
    assertThat(splits).allMatch(s -> s.snapshotName().equals(SNAP) && s.table().equals("s.t"));
  }

  @Test
  void oneSplitForEmptySmallOldServerOrUnanalyzedTables() {
    assertThat(SplitPlanner.plan(List.of(new RelationSize("s.e", "\"s\".\"e\"", 0, -1)), 10, true, SNAP))
        .singleElement().satisfies(s -> assertThat(s.rangeCondition()).isEmpty());
    assertThat(SplitPlanner.plan(List.of(new RelationSize("s.t", "\"s\".\"t\"", 5000, 500_000)), 10, false, SNAP))
        .hasSize(1);
    // Never analyzed: 1,024 blocks a split.
    assertThat(SplitPlanner.plan(List.of(new RelationSize("s.t", "\"s\".\"t\"", 2049, -1)), 10, true, SNAP))
        .extracting(SnapshotSplit::toBlock).containsExactly(1024L, 2048L, SnapshotSplit.OPEN);
  }

  @Test
  void partitionsAreSplitSeparatelyAndEmittedAsTheirParent() {
    List<SnapshotSplit> splits = SplitPlanner.plan(List.of(new RelationSize("s.p", "\"s\".\"p_1\"", 4, 400),
        new RelationSize("s.p", "\"s\".\"p_2\"", 4, 400)), 100, true, SNAP);
    assertThat(splits).hasSize(8).allMatch(s -> s.table().equals("s.p"));
    assertThat(splits).extracting(SnapshotSplit::relation).containsOnly("\"s\".\"p_1\"", "\"s\".\"p_2\"");
    assertThat(splits).extracting(SnapshotSplit::splitId).doesNotHaveDuplicates();
  }

  @Test
  void moreThanAThousandSplits() {
    assertThat(SplitPlanner.plan(List.of(new RelationSize("s.big", "\"s\".\"big\"", 5000, 1_000_000)), 100, true, SNAP))
        .hasSize(5000);
  }

  @Test
  void rangeConditionsAreTidRangeScans() {
    assertThat(new SnapshotSplit("a", "s.t", "r", SnapshotSplit.OPEN, 8, SNAP).rangeCondition())
        .isEqualTo(" WHERE ctid < '(8,0)'::tid");
    assertThat(new SnapshotSplit("a", "s.t", "r", 8, 16, SNAP).rangeCondition())
        .isEqualTo(" WHERE ctid >= '(8,0)'::tid AND ctid < '(16,0)'::tid");
    assertThat(new SnapshotSplit("a", "s.t", "r", 16, SnapshotSplit.OPEN, SNAP).rangeCondition())
        .isEqualTo(" WHERE ctid >= '(16,0)'::tid");
    assertThatThrownBy(() -> new SnapshotSplit("a", "s.t", "r", 16, 16, SNAP)).hasMessageContaining("bad block range");
  }
}
