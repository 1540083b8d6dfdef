package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Secret in the pipeline's namespace holding a user name and a password. */
public record SecretCredentials(
    @Required
        @Pattern(Patterns.DNS_SUBDOMAIN)
        @JsonPropertyDescription("Name of the Secret, in the CdcPipeline's namespace.")
        String name,
    @Default(DEFAULT_USERNAME_KEY)
        @JsonPropertyDescription("Key of the user name in the Secret. Default: " + DEFAULT_USERNAME_KEY + ".")
        String usernameKey,
    @Default(DEFAULT_PASSWORD_KEY)
        @JsonPropertyDescription("Key of the password in the Secret. Default: " + DEFAULT_PASSWORD_KEY + ".")
        String passwordKey) {

  public static final String DEFAULT_USERNAME_KEY = "username";
  public static final String DEFAULT_PASSWORD_KEY = "password";

  public SecretCredentials {
    usernameKey = usernameKey == null ? DEFAULT_USERNAME_KEY : usernameKey;
    passwordKey = passwordKey == null ? DEFAULT_PASSWORD_KEY : passwordKey;
  }
}
