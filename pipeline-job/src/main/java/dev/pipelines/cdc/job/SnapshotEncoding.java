package dev.pipelines.cdc.job;

import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;

/**
 * The production encoding of snapshot rows: COPY text fields to the same JSON values the stream
 * path writes ({@code snapshot.copy.CopyRowEncoders}, built on branch issue14-copy).
 */
final class SnapshotEncoding {
  private SnapshotEncoding() {}

  static SnapshotEncoders of(PipelinePlan plan) {
    // MERGE: replace with the CopyRowEncoders adapter once issue14-copy is merged:
    //   var shapes = plan.shapes(); var targets = PipelineGraph.starRocksTableBySource(plan);
    //   return table -> { var e = CopyRowEncoders.forTable(table, shapes.get(table.qualifiedName()),
    //       targets.get(table.qualifiedName())); return new SnapshotRowEncoder() {...e::selectList, e::encode} };
    throw new UnsupportedOperationException("the COPY row encoder (snapshot.copy.CopyRowEncoders, branch"
        + " issue14-copy) is not merged into this build yet");
  }
}
