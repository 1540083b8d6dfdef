package dev.pipelines.cdc.job.local;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.SourceCleanupSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.util.ExceptionUtils;

/**
 * How a local run ended, and what it tells the person who ran it: whether running it again resumes,
 * and how to keep or drop the pipeline's replication slot (which otherwise stays in Postgres, inactive,
 * holding WAL: measured here, a cancelled job leaves its slot behind).
 *
 * @param how the kind of ending
 * @param message the job's failure message (for a marked stop, the marker's message), or empty
 */
public record RunEnding(How how, String message) {
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./=:@%+,-]+");

  public enum How {
    /** Cancelled on request (Ctrl-C, SIGTERM, or a caller's stop). */
    STOPPED,
    /** The job's own non-retryable stop (e.g. {@code [SchemaChanged]}): running again is the way on. */
    STOP_REASON,
    /** Any other failure, including one before the job started. */
    FAILED
  }

  /** Classifies how the run ended: {@code failure} is null if it ended without one. */
  public static RunEnding of(Throwable failure, boolean stopRequested) {
    if (stopRequested) {
      return new RunEnding(How.STOPPED, "");
    }
    if (failure == null) {
      return new RunEnding(How.FAILED, "the job ended by itself, which a streaming pipeline does not do");
    }
    Optional<JobStopReason.Found> stop = JobStopReason.find(ExceptionUtils.stringifyException(failure));
    if (stop.isPresent()) {
      return new RunEnding(How.STOP_REASON, stop.get().reason().message(stop.get().message()));
    }
    Throwable root = ExceptionUtils.stripCompletionException(failure);
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new RunEnding(How.FAILED, root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  /** What to print: how it ended, how to resume, how to keep or drop the slot. */
  public List<String> report(PostgresSourceConfig source, LocalRunArguments args, Optional<Path> latestCheckpoint,
      String script) {
    List<String> lines = new ArrayList<>();
    String from = latestCheckpoint.map(c -> "from checkpoint " + c).orElse(
        "with a new snapshot (no checkpoint was completed; rows deleted in Postgres since StarRocks was filled stay"
            + " there unless you empty the StarRocks tables first)");
    switch (how) {
      case STOPPED -> lines.add("stopped; running the same command again resumes " + from);
      case STOP_REASON -> {
        lines.add("the job stopped: " + message);
        // A schema change is dealt with by the new start itself; any other stop (a rejected row, a TRUNCATE) would
        // stop again at the same change until its cause is fixed.
        lines.add(message.startsWith(JobStopReason.SCHEMA_CHANGED.marker())
            ? "running the same command again resumes " + from + "; the new start first adapts the StarRocks table"
            : "once that is dealt with (the message says how), running the same command again resumes " + from);
      }
      case FAILED -> {
        lines.add("the run failed: " + message);
        lines.add("once the cause is fixed, running the same command again resumes " + from);
      }
    }
    lines.addAll(slotAdvice(source, args, script));
    return lines;
  }

  /** How to keep the slot (run again with the same state directory) or drop it, with the exact statements. */
  public static List<String> slotAdvice(PostgresSourceConfig source, LocalRunArguments args, String script) {
    String again = shellWord(script) + " --config " + shellWord(args.configFile().toString()) + " --state-dir "
        + shellWord(args.stateDir().toString());
    return List.of(
        "replication slot " + source.slotName() + " stays in Postgres and holds WAL from its position until the"
            + " pipeline resumes or the slot is dropped.",
        "  keep it: run again with the same state directory:",
        "    " + again,
        "  drop it (a later run then starts over with a snapshot):",
        "    " + SourceCleanupSql.dropSlot(source.slotName()),
        "    " + SourceCleanupSql.dropPublication(source.publicationName())
            + "   -- unless something else uses it; needs its owner",
        "    and delete the state directory " + shellWord(args.stateDir().toString())
            + " (its checkpoints hold positions of the dropped slot)");
  }

  /** {@code word} as one shell word: as is when it needs no quoting, else single-quoted. */
  static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
