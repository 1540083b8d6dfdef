package dev.pipelines.cdc.config;

/** Where the operator mounts the config in the job's pods, and the key it uses in the ConfigMap. */
public final class PipelineConfigFile {
  public static final String MOUNT_DIR = "/etc/cdc-pipeline";
  public static final String FILE_NAME = "pipeline.json";
  public static final String PATH = MOUNT_DIR + "/" + FILE_NAME;

  private PipelineConfigFile() {}
}
