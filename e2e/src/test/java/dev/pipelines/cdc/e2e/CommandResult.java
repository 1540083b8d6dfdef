package dev.pipelines.cdc.e2e;

import java.time.Duration;
import java.util.List;

/**
 * What a command did: its exit status and everything it printed (stdout and stderr interleaved).
 *
 * @param exitCode the exit status, or -1 when it was killed after {@code timeout}
 */
record CommandResult(List<String> command, int exitCode, String output, boolean timedOut, Duration timeout) {
  CommandResult {
    command = List.copyOf(command);
  }

  boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** The last {@code lines} lines of output, for failure messages. */
  String tail(int lines) {
    List<String> all = output.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** One line for a failure message: the command and how it ended. */
  String describe() {
    String cmd = String.join(" ", command);
    return timedOut ? "`" + cmd + "` timed out after " + timeout : "`" + cmd + "` exited with " + exitCode;
  }
}
