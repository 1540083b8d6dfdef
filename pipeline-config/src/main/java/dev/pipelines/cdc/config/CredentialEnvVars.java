package dev.pipelines.cdc.config;

/**
 * Names of the environment variables through which the job receives credentials. The operator
 * fills them from Kubernetes Secrets ({@code secretKeyRef}); they never appear in the config file.
 */
public final class CredentialEnvVars {
  public static final String SOURCE_USERNAME = "CDC_SOURCE_USERNAME";
  public static final String SOURCE_PASSWORD = "CDC_SOURCE_PASSWORD";
  public static final String SINK_USERNAME = "CDC_SINK_USERNAME";
  public static final String SINK_PASSWORD = "CDC_SINK_PASSWORD";

  private CredentialEnvVars() {}
}
