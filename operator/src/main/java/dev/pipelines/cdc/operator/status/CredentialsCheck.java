package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.SecretCredentials;
import dev.pipelines.cdc.operator.secret.SecretKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the Secrets a pipeline names exist and hold the named keys. Only key names are looked
 * at: no value is read into the result, so nothing secret can leak into status or events.
 *
 * @param ok both Secrets are usable
 * @param reason {@link Reasons#SECRETS_FOUND}, {@link Reasons#SECRET_NOT_FOUND} or {@link Reasons#SECRET_KEY_MISSING}
 * @param message what is missing, naming Secret, key and spec field
 */
public record CredentialsCheck(boolean ok, String reason, String message) {

  /** Checks both Secrets of a (valid) pipeline, looking each up by name through {@code secrets}. */
  public static CredentialsCheck of(CdcPipeline pipeline, Function<String, Optional<Secret>> secrets) {
    String namespace = pipeline.getMetadata().getNamespace();
    List<String> notFound = new ArrayList<>();
    List<String> keysMissing = new ArrayList<>();
    check(pipeline.getSpec().source().postgres().credentialsSecret(), "spec.source.postgres.credentialsSecret",
        namespace, secrets, notFound, keysMissing);
    check(pipeline.getSpec().sink().starrocks().credentialsSecret(), "spec.sink.starrocks.credentialsSecret",
        namespace, secrets, notFound, keysMissing);
    if (!notFound.isEmpty()) {
      return new CredentialsCheck(false, Reasons.SECRET_NOT_FOUND, String.join("; ", notFound));
    }
    if (!keysMissing.isEmpty()) {
      return new CredentialsCheck(false, Reasons.SECRET_KEY_MISSING, String.join("; ", keysMissing));
    }
    return new CredentialsCheck(true, Reasons.SECRETS_FOUND, "source and sink credentials found");
  }

  private static void check(SecretCredentials ref, String field, String namespace,
      Function<String, Optional<Secret>> secrets, List<String> notFound, List<String> keysMissing) {
    Optional<Secret> secret = secrets.apply(ref.name());
    if (secret.isEmpty()) {
      notFound.add("Secret " + namespace + "/" + ref.name() + " (" + field + ") not found");
      return;
    }
    for (String key : List.of(ref.usernameKey(), ref.passwordKey())) {
      if (!SecretKeys.has(secret.get(), key)) {
        keysMissing.add("Secret " + namespace + "/" + ref.name() + " (" + field + ") has no key '" + key + "'");
      }
    }
  }
}
