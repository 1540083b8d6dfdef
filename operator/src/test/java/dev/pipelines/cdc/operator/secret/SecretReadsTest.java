package dev.pipelines.cdc.operator.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class SecretReadsTest {
  KubernetesClient client;
  KubernetesMockServer server;

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void secret(String name, String password) {
    client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace("data").endMetadata()
        .withStringData(Map.of("password", password)).build()).createOr(r -> r.update());
  }

  @Test
  void oneGetPerSecretWithinTheTtlFoundOrNot() {
    Hands clock = new Hands();
    SecretReads reads = new SecretReads(Duration.ofSeconds(5), clock);
    secret("pg", "a");
    int before = server.getRequestCount();

    for (int i = 0; i < 10; i++) {
      assertThat(reads.get(client, "data", "pg")).isPresent();
      assertThat(reads.get(client, "data", "missing")).isEmpty();
    }
    assertThat(server.getRequestCount() - before).isEqualTo(2);

    secret("pg", "b");
    secret("missing", "c");
    clock.now = clock.now.plusSeconds(5);
    assertThat(reads.get(client, "data", "pg").orElseThrow().getStringData()).containsEntry("password", "b");
    assertThat(reads.get(client, "data", "missing")).isPresent();
  }

  @Test
  void expiredSecretsAreDropped() {
    Hands clock = new Hands();
    SecretReads reads = new SecretReads(Duration.ofSeconds(5), clock);
    reads.get(client, "data", "a");
    reads.get(client, "data", "b");
    clock.now = clock.now.plusSeconds(6);
    reads.get(client, "data", "c");

    assertThat(reads.size()).isEqualTo(1);
  }

  @Test
  void ttlIsHalfTheShorterRecheckAtMostTenSeconds() {
    assertThat(SecretReads.ttlFor(Duration.ofSeconds(1), Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(500));
    assertThat(SecretReads.ttlFor(Duration.ofSeconds(30), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
    assertThat(SecretReads.ttlFor(Duration.ofSeconds(60), Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(4));
  }
}
