package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.CredentialEnvVars;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Source and sink credentials, from the environment variables the operator fills from Secrets.
 * {@link #toString()} never shows a password.
 */
public record Credentials(String sourceUser, String sourcePassword, String sinkUser, String sinkPassword)
    implements Serializable {

  public static Credentials fromEnv(Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(CredentialEnvVars.SOURCE_USERNAME, CredentialEnvVars.SOURCE_PASSWORD,
        CredentialEnvVars.SINK_USERNAME, CredentialEnvVars.SINK_PASSWORD)) {
      if (env.get(name) == null) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("credentials missing from the environment: " + String.join(", ", missing)
          + " (the operator sets them from the pipeline's credential Secrets)");
    }
    return new Credentials(env.get(CredentialEnvVars.SOURCE_USERNAME), env.get(CredentialEnvVars.SOURCE_PASSWORD),
        env.get(CredentialEnvVars.SINK_USERNAME), env.get(CredentialEnvVars.SINK_PASSWORD));
  }

  @Override
  public String toString() {
    return "Credentials[sourceUser=" + sourceUser + ", sinkUser=" + sinkUser + ", passwords=***]";
  }
}
