package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.job.local.LatestCheckpoint;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline job in an embedded Flink mini-cluster, built by the job's own main code path,
 * checkpointing to a local directory so a test can stop it and start it again from the last
 * checkpoint, as the Flink operator would.
 */
final class RunningPipeline implements AutoCloseable {
  private final JobClient client;
  private final Path checkpoints;

  private RunningPipeline(JobClient client, Path checkpoints) {
    this.client = client;
    this.checkpoints = checkpoints;
  }

  static RunningPipeline start(PipelineConfig config, Credentials credentials, Path checkpoints, int parallelism,
      Optional<Path> restoreFrom) throws Exception {
    return start(config, credentials, checkpoints, parallelism, restoreFrom, false);
  }

  /**
   * @param jobsRestartPolicy leave the restart strategy to the job (its fallback where the cluster
   *     sets none) instead of the tests' quick fixed delay
   */
  static RunningPipeline start(PipelineConfig config, Credentials credentials, Path checkpoints, int parallelism,
      Optional<Path> restoreFrom, boolean jobsRestartPolicy) throws Exception {
    return start(config, credentials, checkpoints, parallelism, restoreFrom, jobsRestartPolicy, new Configuration(),
        () -> {});
  }

  /** @param extra more of the mini-cluster's configuration (e.g. its REST port) */
  static RunningPipeline start(PipelineConfig config, Credentials credentials, Path checkpoints, int parallelism,
      Optional<Path> restoreFrom, boolean jobsRestartPolicy, Configuration extra) throws Exception {
    return start(config, credentials, checkpoints, parallelism, restoreFrom, jobsRestartPolicy, extra, () -> {});
  }

  /**
   * @param afterPlanning run after the job has planned and before it runs: a change to the source
   *     that the plan did not see
   */
  static RunningPipeline start(PipelineConfig config, Credentials credentials, Path checkpoints, int parallelism,
      Optional<Path> restoreFrom, boolean jobsRestartPolicy, Runnable afterPlanning) throws Exception {
    return start(config, credentials, checkpoints, parallelism, restoreFrom, jobsRestartPolicy, new Configuration(),
        afterPlanning);
  }

  private static RunningPipeline start(PipelineConfig config, Credentials credentials, Path checkpoints,
      int parallelism, Optional<Path> restoreFrom, boolean jobsRestartPolicy, Configuration extra,
      Runnable afterPlanning) throws Exception {
    Configuration conf = Configuration.fromMap(RestartCounter.flinkConfiguration());
    conf.addAll(extra);
    conf.addAll(Configuration.fromMap(SnapshotMetrics.flinkConfiguration()));
    conf.setString("execution.checkpointing.interval", "500ms");
    conf.setString("state.checkpoints.dir", checkpoints.toUri().toString());
    conf.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    if (!jobsRestartPolicy) {
      conf.setString("restart-strategy.type", "fixed-delay");
      conf.setString("restart-strategy.fixed-delay.attempts", "20");
      conf.setString("restart-strategy.fixed-delay.delay", "500ms");
    }
    restoreFrom.ifPresent(p -> conf.setString("execution.savepoint.path", p.toUri().toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    PipelineJobMain.prepare(env, config, credentials);
    afterPlanning.run();
    return new RunningPipeline(env.executeAsync("pipeline-it"), checkpoints);
  }

  JobClient client() {
    return client;
  }

  /** How often Flink restarted the job (its numRestarts metric); -1 if it reported none. */
  long restarts() {
    return RestartCounter.restarts(client.getJobID());
  }

  /**
   * The newest completed, retained checkpoint of any job that wrote to this directory (a restored job
   * numbers its checkpoints on from the one it restored). The job's own rule, which lists again when
   * Flink deletes a subsumed checkpoint mid-listing (a walk of our own failed on that once in 100 runs).
   */
  Optional<Path> latestCheckpoint() {
    return LatestCheckpoint.in(checkpoints);
  }

  /** The newest completed checkpoint in {@code checkpoints}; fails if there is none. */
  static Path latestCheckpoint(Path checkpoints) {
    return LatestCheckpoint.in(checkpoints).orElseThrow(() -> new AssertionError("no completed checkpoint in " + checkpoints));
  }

  /** Waits (at most three minutes: a stop under a loaded CI machine once took over one) for the job to end; why it failed, or null if it did not. */
  Throwable failure() throws Exception {
    return failure(java.time.Duration.ofMinutes(3));
  }

  /** Waits (at most {@code atMost}) for the job to end; why it failed, or null if it did not. */
  Throwable failure(java.time.Duration atMost) throws Exception {
    try {
      client.getJobExecutionResult().get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (!client.getJobStatus().get().isGloballyTerminalState()) {
        client.cancel().get();
      }
    } catch (java.util.concurrent.ExecutionException | IllegalStateException ended) {
      // The job has already ended and taken its mini-cluster with it.
    }
  }
}
