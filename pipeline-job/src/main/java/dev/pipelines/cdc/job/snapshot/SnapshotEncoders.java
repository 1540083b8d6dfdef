package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.catalog.SourceTable;
import java.io.Serializable;
import java.util.List;

/** Builds each captured table's {@link SnapshotRowEncoder}; runs in every reader, once per table. */
@FunctionalInterface
public interface SnapshotEncoders extends Serializable {
  SnapshotRowEncoder forTable(SourceTable table);

  /**
   * Statements the reader runs on its connection before its snapshot transaction ({@code SET
   * TimeZone = 'UTC'}, ...): the text formats the encoders expect. Constant SQL, never user text.
   */
  default List<String> sessionSettings() {
    return List.of();
  }
}
