package dev.pipelines.cdc.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableGuardsTest {
  @Test
  void aDoneMarkerCountsOnceAndOnlyForACapturedTableAndANewerGeneration() {
    TableGuards guards = new TableGuards(Set.of("s.a", "s.b"));
    assertThat(guards.done("s.a")).isFalse();
    assertThat(guards.markDone("s.a", 3)).isTrue();
    assertThat(guards.markDone("s.a", 3)).as("a repeated marker").isFalse();
    assertThat(guards.markDone("s.a", 2)).as("an older generation's marker").isFalse();
    assertThat(guards.markDone("s.a", 5)).isTrue();
    assertThat(guards.markDone("s.gone", 1)).as("a table not captured").isFalse();
    assertThat(guards.done("s.a")).isTrue();
    assertThat(guards.done("s.b")).isFalse();
    assertThat(guards.checkpoint()).containsExactly(new TableGuards.Done("s.a", 5));
  }

  @Test
  void aRestoreForgetsTablesNoLongerCapturedSoARemovedAndReAddedTableIsMarkedAgain() {
    TableGuards before = new TableGuards(Set.of("s.a", "s.b"));
    before.markDone("s.a", 1);
    before.markDone("s.b", 2);

    TableGuards removed = new TableGuards(Set.of("s.a"));
    before.checkpoint().forEach(removed::restore);
    assertThat(removed.checkpoint()).containsExactly(new TableGuards.Done("s.a", 1));

    TableGuards reAdded = new TableGuards(Set.of("s.a", "s.b"));
    removed.checkpoint().forEach(reAdded::restore);
    assertThat(reAdded.done("s.b")).as("s.b's new snapshot is not done yet").isFalse();
    assertThat(reAdded.done("s.a")).isTrue();
  }

  @Test
  void markersAreRowsOfOriginMarkerCarryingTheGeneration() {
    ChangeRow marker = SnapshotMarkers.done("s.a", 7);
    assertThat(SnapshotMarkers.isMarker(marker)).isTrue();
    assertThat(SnapshotMarkers.isRow(marker)).isFalse();
    assertThat(SnapshotMarkers.generation(marker)).isEqualTo(7);
    assertThat(SnapshotMarkers.isRow(new ChangeRow("s.a", "1", "{}"))).isTrue();
  }
}
