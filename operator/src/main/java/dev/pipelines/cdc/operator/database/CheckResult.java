package dev.pipelines.cdc.operator.database;

/**
 * The outcome of one preflight check.
 *
 * @param ok the check passed
 * @param reason a condition reason, e.g. {@code WalLevelNotLogical} ({@link DatabaseReasons} for this
 *     package's checks; status.Reasons lists them all)
 * @param message what was found and what to do about it; never contains a secret
 * @param transientFailure the failure may go away by itself (network, server starting): retried
 *     with backoff, and a running job is left alone meanwhile
 */
public record CheckResult(boolean ok, String reason, String message, boolean transientFailure) {
  public static CheckResult passed(String reason, String message) {
    return new CheckResult(true, reason, message, false);
  }

  /** A failure only the user (or a DBA) can fix. */
  public static CheckResult failed(String reason, String message) {
    return new CheckResult(false, reason, message, false);
  }

  /** A failure that may go away by itself. */
  public static CheckResult retry(String reason, String message) {
    return new CheckResult(false, reason, message, true);
  }
}
