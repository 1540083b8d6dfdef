package dev.pipelines.cdc.operator.secret;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The one lookup of a key in a Secret, for the status check (is the key there?) and the
 * preflight connections (its value). A key counts when it has a value in {@code stringData} (as
 * written: a real API server folds it into {@code data}, the mock server does not) or in {@code
 * data} (base64).
 */
public final class SecretKeys {
  private SecretKeys() {}

  /** Whether the Secret holds {@code key}; decodes nothing. */
  public static boolean has(Secret secret, String key) {
    return present(secret.getStringData(), key) || present(secret.getData(), key);
  }

  /** The value of {@code key}: stringData as written, else decoded data. */
  public static Optional<String> value(Secret secret, String key) {
    if (present(secret.getStringData(), key)) {
      return Optional.of(secret.getStringData().get(key));
    }
    if (present(secret.getData(), key)) {
      return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key).trim()), StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  private static boolean present(Map<String, String> data, String key) {
    return data != null && data.get(key) != null;
  }
}
