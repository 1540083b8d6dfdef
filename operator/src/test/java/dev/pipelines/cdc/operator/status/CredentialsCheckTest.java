package dev.pipelines.cdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsCheckTest {
  private static final Secret PG = secret("pg-cdc", Map.of("username", "dXNlcg==", "password", "c2VjcmV0"));
  private static final Secret SR = secret("starrocks-loader", Map.of("username", "dXNlcg==", "password", "c2VjcmV0"));

  @Test
  void bothSecretsWithKeysAreOk() {
    CredentialsCheck check = CredentialsCheck.of(TestPipelines.minimal(), lookup(PG, SR));

    assertThat(check.ok()).isTrue();
    assertThat(check.reason()).isEqualTo(Reasons.SECRETS_FOUND);
  }

  @Test
  void missingSecretNamesSecretNamespaceAndField() {
    CredentialsCheck check = CredentialsCheck.of(TestPipelines.minimal(), lookup(SR));

    assertThat(check.ok()).isFalse();
    assertThat(check.reason()).isEqualTo(Reasons.SECRET_NOT_FOUND);
    assertThat(check.message()).isEqualTo("Secret data/pg-cdc (spec.source.postgres.credentialsSecret) not found");
  }

  @Test
  void missingKeyNamesTheKeyAndNeverAValue() {
    Secret noPassword = secret("starrocks-loader", Map.of("username", "dXNlcg=="));

    CredentialsCheck check = CredentialsCheck.of(TestPipelines.minimal(), lookup(PG, noPassword));

    assertThat(check.reason()).isEqualTo(Reasons.SECRET_KEY_MISSING);
    assertThat(check.message()).contains("starrocks-loader", "no key 'password'").doesNotContain("dXNlcg==");
  }

  @Test
  void stringDataKeysCount() {
    Secret stringData = new SecretBuilder().withNewMetadata().withName("pg-cdc").endMetadata()
        .withStringData(Map.of("username", "u", "password", "p")).build();

    assertThat(CredentialsCheck.of(TestPipelines.minimal(), lookup(stringData, SR)).ok()).isTrue();
  }

  private static java.util.function.Function<String, Optional<Secret>> lookup(Secret... secrets) {
    return name -> java.util.Arrays.stream(secrets).filter(s -> s.getMetadata().getName().equals(name)).findFirst();
  }

  private static Secret secret(String name, Map<String, String> data) {
    return new SecretBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
  }
}
