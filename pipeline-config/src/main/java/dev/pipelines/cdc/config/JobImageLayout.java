package dev.pipelines.cdc.config;

/** Where the job image keeps the job, so that the operator's FlinkDeployment can point at it. */
public final class JobImageLayout {
  /** Flink's application-mode user-jar directory. */
  public static final String USRLIB_DIR = "/opt/flink/usrlib";

  public static final String JAR_FILE = "pipeline-job.jar";
  public static final String JAR_URI = "local://" + USRLIB_DIR + "/" + JAR_FILE;
  public static final String ENTRY_CLASS = "dev.pipelines.cdc.job.PipelineJobMain";

  /** The job's command line: {@code --config <file>}. */
  public static final String CONFIG_ARG = "--config";

  private JobImageLayout() {}
}
