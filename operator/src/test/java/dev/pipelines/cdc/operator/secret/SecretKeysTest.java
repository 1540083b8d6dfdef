package dev.pipelines.cdc.operator.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretKeysTest {
  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stringDataAsWrittenElseDecodedData() {
    Secret secret = new SecretBuilder()
        .withStringData(Map.of("username", "plain"))
        .withData(Map.of("username", b64("encoded"), "password", b64("pässwörd") + "\n"))
        .build();

    assertThat(SecretKeys.value(secret, "username")).contains("plain");
    assertThat(SecretKeys.value(secret, "password")).contains("pässwörd");
    assertThat(SecretKeys.has(secret, "username")).isTrue();
    assertThat(SecretKeys.has(secret, "password")).isTrue();
  }

  @Test
  void aKeyWithoutAValueIsMissingForBothQuestions() {
    Map<String, String> data = new HashMap<>();
    data.put("password", null);
    Secret secret = new SecretBuilder().withData(data).build();

    assertThat(SecretKeys.has(secret, "password")).isFalse();
    assertThat(SecretKeys.value(secret, "password")).isEmpty();
    assertThat(SecretKeys.has(secret, "username")).isFalse();
    assertThat(SecretKeys.value(new Secret(), "username")).isEmpty();
    assertThat(SecretKeys.has(new Secret(), "username")).isFalse();
  }
}
