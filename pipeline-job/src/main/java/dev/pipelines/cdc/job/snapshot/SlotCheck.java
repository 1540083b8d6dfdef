package dev.pipelines.cdc.job.snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * At every submission, before the graph is built: a slot of the pipeline's name that cannot be the
 * pipeline's ({@link SlotIdentity}) refuses the job. The snapshot enumerator asks again at a fresh
 * start and a restore, but a job restored in its stream phase has no snapshot enumerator, and
 * flink-cdc would fail on such a slot at every restart with Debezium's error instead.
 */
public final class SlotCheck {
  private SlotCheck() {}

  public static void atSubmission(Connection pg, String slotName, String database) throws SQLException {
    var found = ExportedSnapshotSlot.find(pg, slotName);
    if (found.isPresent()) {
      SlotIdentity.problem(found.get(), database).ifPresent(problem -> {
        throw ExistingSlot.stop(problem);
      });
    }
  }
}
