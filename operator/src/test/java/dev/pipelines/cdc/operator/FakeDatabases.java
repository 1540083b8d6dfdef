package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.database.SlotReading;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.status.Reasons;
import java.util.Optional;

/** Databases that always pass preflight, for tests about everything else. */
public final class FakeDatabases {
  public static final CheckResult PASSED = CheckResult.passed(Reasons.PREFLIGHT_PASSED, "fine");
  public static final long ONE_GIB = 1L << 30;

  private FakeDatabases() {}

  public static Databases allReady() {
    return new Databases(
        (target, selection) -> sourceReport(PASSED, Optional.empty()),
        target -> PASSED,
        (target, slot, publication) -> CleanupOutcome.done("nothing to drop", Optional.empty()));
  }

  public static SourceReport sourceReport(CheckResult check, Optional<SlotReading> slot) {
    return new SourceReport(check, true, Optional.empty(), slot, Optional.empty());
  }

  public static PreflightReport report(SourceReport source, CheckResult sink) {
    return new PreflightReport("cdc_data_orders", "cdc_data_orders", ONE_GIB, source, sink);
  }

  public static PreflightReport passed() {
    return report(sourceReport(PASSED, Optional.empty()), PASSED);
  }
}
