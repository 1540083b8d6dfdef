package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.JobImageLayout;
import java.nio.file.Path;

/**
 * The job's command line, as the operator writes it into the FlinkDeployment.
 *
 * @param configFile the pipeline config file
 */
public record JobArguments(Path configFile) {

  public static JobArguments parse(String... args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (JobImageLayout.CONFIG_ARG.equals(args[i])) {
        return new JobArguments(Path.of(args[i + 1]));
      }
    }
    throw new IllegalArgumentException(
        "usage: " + JobImageLayout.CONFIG_ARG + " <pipeline config file> (got " + String.join(" ", args) + ")");
  }
}
