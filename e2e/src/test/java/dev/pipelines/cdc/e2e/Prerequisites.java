package dev.pipelines.cdc.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this machine can run the kind suite. hack/kind-up.sh --check decides (one check for
 * the script and the suite): exit 0 means docker (with a reachable daemon), kind, kubectl and
 * helm are there; exit 3 means something is missing and says what, which the suite reports as
 * the reason it is skipped. Anything else is a broken script, and fails.
 *
 * @param present whether the suite can run
 * @param message what the check said (the skip reason when not present)
 */
record Prerequisites(boolean present, String message) {
  /** hack/lib/kind-common.sh's KIND_EXIT_MISSING_PREREQUISITES. */
  static final int EXIT_MISSING = 3;

  static Prerequisites check(RepoPaths repo, Map<String, String> env) {
    List<String> command = List.of("bash", repo.script("kind-up.sh").toString(), "--check");
    try {
      return from(Commands.run(command, repo.root(), env, Duration.ofMinutes(1), Optional.empty()));
    } catch (IOException e) {
      return new Prerequisites(false, "kind E2E skipped: bash is not available to run hack/kind-up.sh (" + e.getMessage() + ")");
    }
  }

  static Prerequisites from(CommandResult check) {
    if (check.succeeded()) {
      return new Prerequisites(true, check.output().strip());
    }
    if (!check.timedOut() && check.exitCode() == EXIT_MISSING) {
      return new Prerequisites(false, "kind E2E skipped: " + check.output().strip());
    }
    throw new IllegalStateException(
        "the prerequisite check itself failed: " + check.describe() + "\n" + check.tail(20));
  }
}
