package dev.pipelines.cdc.apiserver;

import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.status.Reasons;
import java.util.Optional;

/**
 * Databases that pass every preflight and clean-up: these tests are about the API server. The operator's
 * {@code Databases} port is internal to the operator, so this stand-in cannot live in the shared test kit
 * (operator-testkit sits below the operator); the operator's own tests have theirs (FakeDatabases).
 */
final class PassingDatabases {
  private PassingDatabases() {}

  static Databases all() {
    CheckResult passed = CheckResult.passed(Reasons.PREFLIGHT_PASSED, "no database: kube-api-tests");
    return new Databases(
        (target, selection) -> new SourceReport(passed, true, Optional.empty(), Optional.empty(), Optional.empty()),
        target -> passed,
        (target, slot, publication) -> CleanupOutcome.done("nothing to drop", Optional.empty()));
  }
}
