package dev.pipelines.cdc.operator.database;

import java.util.Optional;

/**
 * What dropping the slot and publication came to.
 *
 * @param finished nothing is left to do (deletion may complete); false: retry later
 * @param reason a {@link DatabaseReasons} constant
 * @param message what happened, for the status or an event
 * @param warning something left behind that a person should know about (e.g. a publication we
 *     may not drop), reported as a Warning event while deletion completes anyway
 */
public record CleanupOutcome(boolean finished, String reason, String message, Optional<String> warning) {
  public static CleanupOutcome done(String message, Optional<String> warning) {
    return new CleanupOutcome(true, DatabaseReasons.SLOT_DROPPED, message, warning);
  }

  public static CleanupOutcome retry(String reason, String message) {
    return new CleanupOutcome(false, reason, message, Optional.empty());
  }
}
