package dev.pipelines.cdc.bench.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.PipelineJobMain;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs in the job JVM (pipeline-job.jar and Flink on the classpath, nothing of the harness): the
 * production graph ({@link PipelineJobMain#prepare}) in a local mini-cluster with the parallelism and
 * checkpoint interval a FlinkDeployment would set. Prints {@code BENCH RUNNING} once the job is
 * submitted, so the harness times from there.
 *
 * <p>{@code --config pipeline.json --parallelism N --checkpoint-ms M}; credentials from the same
 * environment variables as in Kubernetes.
 */
public final class BenchJobMain {
  private BenchJobMain() {}

  public static void main(String[] args) throws Exception {
    Path configFile = null;
    int parallelism = 1;
    long checkpointMillis = 30_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--config" -> configFile = Path.of(args[i + 1]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
        case "--checkpoint-ms" -> checkpointMillis = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PipelineConfig config = PipelineConfigCodec.read(configFile);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
    env.enableCheckpointing(checkpointMillis);
    PipelineJobMain.prepare(env, config, Credentials.fromEnv(System.getenv()));
    JobClient job = env.executeAsync("bench " + config.pipeline());
    System.out.println("BENCH RUNNING " + job.getJobID());
    System.out.flush();
    try {
      job.getJobExecutionResult().get();
    } catch (Exception e) {
      System.out.println("BENCH FAILED " + e);
      e.printStackTrace(System.out);
      System.exit(1);
    }
  }
}
