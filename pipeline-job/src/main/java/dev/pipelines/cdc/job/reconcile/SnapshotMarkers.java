package dev.pipelines.cdc.job.reconcile;

import dev.pipelines.cdc.job.source.ChangeRow;

/**
 * The snapshot source's "done" markers: a {@link ChangeRow} of origin {@link ChangeRow.Origin#MARKER}
 * naming a table and its snapshot's generation. One snapshot reader emits it when the enumerator
 * asks, once a checkpoint taken after the table's last snapshot row has completed; the graph splits
 * the markers off the snapshot's rows and broadcasts them to every reconciler instance (uid
 * {@code snapshot-markers}).
 */
public final class SnapshotMarkers {
  private SnapshotMarkers() {}

  /** The marker of {@code table}'s snapshot of {@code generation}. */
  public static ChangeRow done(String table, int generation) {
    ChangeRow marker = new ChangeRow(table, Integer.toString(generation), "");
    marker.origin = ChangeRow.Origin.MARKER;
    return marker;
  }

  public static boolean isMarker(ChangeRow row) {
    return row.origin == ChangeRow.Origin.MARKER;
  }

  public static boolean isRow(ChangeRow row) {
    return row.origin != ChangeRow.Origin.MARKER;
  }

  static int generation(ChangeRow marker) {
    return Integer.parseInt(marker.key);
  }
}
