package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.catalog.SourceTable;
import java.io.Serializable;

/** Builds each captured table's {@link SnapshotRowEncoder}; runs in every reader, once per table. */
@FunctionalInterface
public interface SnapshotEncoders extends Serializable {
  SnapshotRowEncoder forTable(SourceTable table);
}
