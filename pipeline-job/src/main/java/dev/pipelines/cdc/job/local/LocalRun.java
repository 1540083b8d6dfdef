package dev.pipelines.cdc.job.local;

import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.PipelineJobMain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.RestoreMode;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.streaming.api.environment.CheckpointConfig.ExternalizedCheckpointCleanup;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The pipeline job in an embedded Flink mini-cluster ({@code hack/run-job-local.sh}), run like a
 * deployed one: it checkpoints into a state directory, keeps its checkpoints when cancelled or
 * failed, and a new run with the same directory restores the latest one. So the stop on ADD/DROP
 * COLUMN, a Ctrl-C or a crash is followed by running the same command again, not by a fresh snapshot
 * (which would miss deletes made meanwhile). When a run ends it prints how to keep or drop its slot.
 */
public final class LocalRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
  /** Set by the script to its own path, so the printed command is the one to type. */
  static final String SCRIPT_PROPERTY = "cdc.local.script";

  private final JobClient client;
  private final Optional<Path> restoredFrom;
  private final AtomicBoolean stopRequested = new AtomicBoolean();

  private LocalRun(JobClient client, Optional<Path> restoredFrom) {
    this.client = client;
    this.restoredFrom = restoredFrom;
  }

  public static void main(String[] argv) throws Exception {
    System.exit(run(argv, System.out));
  }

  /** The whole command; returns the exit code. */
  static int run(String[] argv, PrintStream out) throws Exception {
    LocalRunArguments args;
    PipelineConfig config;
    try {
      args = LocalRunArguments.parse(argv);
      config = PipelineConfigCodec.read(args.configFile());
    } catch (LocalRunArguments.HelpRequested help) {
      out.println(help.getMessage());
      return 0;
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    String script = System.getProperty(SCRIPT_PROPERTY, "hack/run-job-local.sh");
    Optional<Path> latest = LatestCheckpoint.in(args.checkpointsDir());
    if (args.dryRun()) {
      say(out, List.of(latest.map(c -> "would resume from checkpoint " + c)
          .orElse("no checkpoint in " + args.checkpointsDir() + ": would start with a snapshot")));
      say(out, RunEnding.slotAdvice(config.source(), args, script));
      return 0;
    }
    // Handled from before the start (planning and DDL take seconds): a signal then cancels the job if it exists,
    // and the run ends with its report either way.
    AtomicInteger signal = new AtomicInteger();
    AtomicReference<LocalRun> started = new AtomicReference<>();
    for (String name : List.of("INT", "TERM")) {
      Signal.handle(new Signal(name), s -> {
        if (signal.getAndSet(s.getNumber()) != 0) {
          Runtime.getRuntime().halt(128 + s.getNumber()); // a second Ctrl-C: stop waiting for the cancel
        }
        LocalRun run = started.get();
        if (run != null) {
          System.err.println("[local] stopping: cancelling the job, keeping its checkpoints (Ctrl-C again to quit"
              + " at once)");
          run.requestStop();
        } else {
          say(out, new RunEnding(RunEnding.How.STOPPED, "").report(config.source(), args,
              LatestCheckpoint.in(args.checkpointsDir()), script));
          Runtime.getRuntime().halt(128 + s.getNumber()); // no job yet: nothing to cancel or wait for
        }
      });
    }
    LocalRun run;
    try {
      run = start(args, config, Credentials.fromEnv(System.getenv()));
    } catch (Exception e) {
      LOG.error("the local run did not start", e);
      say(out, RunEnding.of(e, false).report(config.source(), args, LatestCheckpoint.in(args.checkpointsDir()), script));
      return 1;
    }
    started.set(run);
    if (signal.get() != 0) {
      run.requestStop(); // the signal came while the job was being submitted
    }
    say(out, List.of(run.restoredFrom().map(c -> "resumed from checkpoint " + c)
            .orElse("started; no checkpoint to resume from, so it snapshots first (startupMode " + config.source()
                .startupMode() + ")"),
        "checkpoints go to " + args.checkpointsDir() + "; Ctrl-C stops the run and keeps them"));
    RunEnding end = run.awaitEnd();
    say(out, end.report(config.source(), args, LatestCheckpoint.in(args.checkpointsDir()), script));
    return switch (end.how()) {
      case STOPPED -> 128 + (signal.get() == 0 ? 2 : signal.get());
      case STOP_REASON -> 3;
      case FAILED -> 1;
    };
  }

  /** Starts the job, restored from the latest checkpoint in the state directory if there is one. */
  public static LocalRun start(LocalRunArguments args, PipelineConfig config, Credentials credentials)
      throws Exception {
    Optional<Path> restore = LatestCheckpoint.in(args.checkpointsDir());
    restore.ifPresentOrElse(c -> LOG.info("restoring from checkpoint {}", c),
        () -> LOG.info("no checkpoint in {}: starting fresh", args.checkpointsDir()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
        flinkConfiguration(args, config, restore));
    PipelineJobMain.prepare(env, config, credentials);
    return new LocalRun(env.executeAsync("cdc-pipeline " + config.pipeline()), restore);
  }

  /**
   * Flink's own settings for a resumable run: checkpoints under the state directory, retained when
   * the job is cancelled or fails, and the latest restored. Restored in CLAIM mode: Flink then owns
   * the restored checkpoint and deletes it once a newer one completes, so the directory holds one
   * checkpoint however often the pipeline is resumed (NO_CLAIM would keep one per run, forever).
   */
  static Configuration flinkConfiguration(LocalRunArguments args, PipelineConfig config, Optional<Path> restore) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, args.checkpointsDir().toUri().toString());
    conf.set(ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT,
        ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
    // Without an interval PipelineJobMain applies its fallback, as for any cluster that configures none. One given is
    // shortened as the operator shortens its own: a sub-second at-least-once flush is served by checkpoints.
    args.checkpointInterval().ifPresent(i -> conf.set(ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL,
        Duration.ofMillis(FlushPolicy.checkpointMillis(i.toMillis(), config.sink().semantic(),
            config.sink().flushIntervalMillis()))));
    args.parallelism().ifPresent(p -> conf.set(CoreOptions.DEFAULT_PARALLELISM, p));
    restore.ifPresent(c -> {
      conf.set(SavepointConfigOptions.SAVEPOINT_PATH, c.toUri().toString());
      conf.set(SavepointConfigOptions.RESTORE_MODE, RestoreMode.CLAIM);
    });
    return conf;
  }

  /** The checkpoint this run was restored from; empty for a fresh start. */
  public Optional<Path> restoredFrom() {
    return restoredFrom;
  }

  public JobClient client() {
    return client;
  }

  /** Cancels the job (its checkpoints stay); returns at once. */
  public void requestStop() {
    stopRequested.set(true);
    client.cancel();
  }

  /** Waits for the job to end. */
  public RunEnding awaitEnd() throws InterruptedException {
    try {
      client.getJobExecutionResult().get();
      return RunEnding.of(null, stopRequested.get());
    } catch (ExecutionException e) {
      return RunEnding.of(e.getCause(), stopRequested.get());
    }
  }

  /** Waits at most {@code timeout} for the job to end. */
  public RunEnding awaitEnd(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      client.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return RunEnding.of(null, stopRequested.get());
    } catch (ExecutionException e) {
      return RunEnding.of(e.getCause(), stopRequested.get());
    }
  }

  /** Cancels the job as Ctrl-C does and waits (at most a minute) for it to end. */
  public RunEnding stop() throws InterruptedException, TimeoutException {
    requestStop();
    return awaitEnd(Duration.ofMinutes(1));
  }

  @Override
  public void close() throws Exception {
    if (!client.getJobExecutionResult().isDone()) {
      stop();
    }
  }

  private static void say(PrintStream out, List<String> lines) {
    lines.forEach(line -> out.println("[local] " + line));
  }
}
