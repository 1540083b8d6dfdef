package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;

/**
 * Entry point named in the FlinkDeployment. For now it reads and checks the config and the
 * credentials; building the Flink graph (Postgres CDC source → StarRocks sink) is the job issue's
 * work, and until then the job refuses to start rather than pretend to run.
 */
public final class PipelineJobMain {
  private PipelineJobMain() {}

  public static void main(String[] args) {
    JobArguments arguments = JobArguments.parse(args);
    PipelineConfig config = PipelineConfigCodec.read(arguments.configFile());
    Credentials credentials = Credentials.fromEnv(System.getenv());
    throw new UnsupportedOperationException("pipeline " + config.pipeline() + ": config and " + credentials
        + " are in order, but this build of the job has no Flink pipeline yet");
  }
}
