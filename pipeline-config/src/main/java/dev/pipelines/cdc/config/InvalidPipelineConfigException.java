package dev.pipelines.cdc.config;

/** The config file cannot be used; the message says why. */
public class InvalidPipelineConfigException extends RuntimeException {
  public InvalidPipelineConfigException(String message) {
    super(message);
  }

  public InvalidPipelineConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
