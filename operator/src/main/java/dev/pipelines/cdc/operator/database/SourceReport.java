package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.plan.RowEstimates;
import java.util.Optional;

/**
 * The source database as preflight found it.
 *
 * @param check whether the pipeline can run against it, with a reason
 * @param inspected the database was reached and read (false: the figures below are unknown)
 * @param replicaIdentityWarning tables with TOAST-able columns and REPLICA IDENTITY other than FULL
 * @param slot the pipeline's slot, empty when it does not exist or could not be read
 * @param slotReadError why the slot could not be read, if it could not
 * @param rowsEstimated PostgreSQL's estimate of the selected tables' rows ({@code RowEstimates}),
 *     {@code RowEstimates.UNKNOWN} when a table was never analyzed or the database was not read
 */
public record SourceReport(
    CheckResult check,
    boolean inspected,
    Optional<String> replicaIdentityWarning,
    Optional<SlotReading> slot,
    Optional<String> slotReadError,
    long rowsEstimated) {

  /** Without a row estimate. */
  public SourceReport(CheckResult check, boolean inspected, Optional<String> replicaIdentityWarning,
      Optional<SlotReading> slot, Optional<String> slotReadError) {
    this(check, inspected, replicaIdentityWarning, slot, slotReadError, RowEstimates.UNKNOWN);
  }

  /** The database could not be read at all. */
  public static SourceReport unreachable(CheckResult failure) {
    return new SourceReport(failure, false, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
