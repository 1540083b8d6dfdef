package dev.pipelines.cdc.job.local;

import dev.pipelines.cdc.config.JobImageLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.flink.util.TimeUtils;

/**
 * The local runner's command line.
 *
 * @param configFile the pipeline config file
 * @param stateDir where checkpoints go and are restored from; one directory per pipeline
 * @param parallelism the job's parallelism (default: the mini-cluster's, one per core)
 * @param checkpointInterval how often to checkpoint (default: the job's fallback, see PipelineJobMain)
 * @param dryRun print what a run would restore and how to drop the slot, then exit; connects to nothing
 */
public record LocalRunArguments(Path configFile, Path stateDir, OptionalInt parallelism,
    Optional<Duration> checkpointInterval, boolean dryRun) {

  public static final String USAGE = """
      usage: hack/run-job-local.sh --config <pipeline.json> --state-dir <dir>
                                   [--parallelism <n>] [--checkpoint-interval <duration, e.g. 10s>] [--dry-run]
        Runs the pipeline job in an embedded Flink mini-cluster, checkpointing into <dir>/checkpoints.
        Run again with the same --state-dir to resume from the latest checkpoint (after Ctrl-C, a crash,
        or the stop on ADD/DROP COLUMN). --dry-run prints what would be restored and how to drop the
        pipeline's replication slot, without connecting anywhere.
        Credentials: CDC_SOURCE_USERNAME, CDC_SOURCE_PASSWORD, CDC_SINK_USERNAME, CDC_SINK_PASSWORD.""";

  /** {@code --help}: not an error, but no run either. */
  public static final class HelpRequested extends Exception {
    HelpRequested() {
      super(USAGE);
    }
  }

  public LocalRunArguments {
    configFile = configFile.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
  }

  /** The Flink checkpoint directory inside the state directory. */
  public Path checkpointsDir() {
    return stateDir.resolve("checkpoints");
  }

  public static LocalRunArguments parse(String... args) throws HelpRequested {
    Path config = null;
    Path state = null;
    OptionalInt parallelism = OptionalInt.empty();
    Optional<Duration> interval = Optional.empty();
    boolean dryRun = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--dry-run" -> dryRun = true;
        case JobImageLayout.CONFIG_ARG -> config = Path.of(value(args, ++i, arg));
        case "--state-dir" -> state = Path.of(value(args, ++i, arg));
        case "--parallelism" -> parallelism = OptionalInt.of(positive(value(args, ++i, arg), arg));
        case "--checkpoint-interval" -> interval = Optional.of(duration(value(args, ++i, arg), arg));
        default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
      }
    }
    if (config == null || state == null) {
      throw new IllegalArgumentException((config == null ? JobImageLayout.CONFIG_ARG : "--state-dir")
          + " is required (a run without a state directory could not be resumed)\n" + USAGE);
    }
    return new LocalRunArguments(config, state, parallelism, interval, dryRun);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int positive(String text, String name) {
    try {
      int n = Integer.parseInt(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, got " + text);
  }

  private static Duration duration(String text, String name) {
    Duration d;
    try {
      d = TimeUtils.parseDuration(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(name + " must be a duration such as 500ms, 10s or 1min, got " + text, e);
    }
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be longer than zero, got " + text);
    }
    return d;
  }
}
