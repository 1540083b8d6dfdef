package dev.pipelines.cdc.operator.secret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The pipelines' credentials Secrets, read by name (GET only: the operator may not list or watch Secrets,
 * which would let it read every Secret) and each answer, found or not, kept for {@code ttl}. Without it
 * every reconcile GETs each of its pipeline's Secrets: a new pipeline is reconciled three to four times in
 * its first seconds (created, its ConfigMap and FlinkDeployment appear, its status is written), and
 * pipelines sharing a Secret read it once each. Kept shorter than the re-check intervals, so a Secret
 * created or rotated is seen by the next re-check exactly as without the cache.
 */
public final class SecretReads {
  /** Never longer than this, whatever the re-check intervals. */
  static final Duration MAX_TTL = Duration.ofSeconds(10);

  private record Key(String namespace, String name) {}

  private record Read(Optional<Secret> secret, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentMap<Key, Read> reads = new ConcurrentHashMap<>();
  /** When expired entries were last dropped (a Secret no pipeline names any more must not stay). */
  private volatile Instant swept;

  public SecretReads(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.swept = clock.instant();
  }

  /** Half the shorter re-check interval, at most {@link #MAX_TTL}. */
  public static Duration ttlFor(Duration secretRecheckInterval, Duration slotStatusInterval) {
    Duration shorter = secretRecheckInterval.compareTo(slotStatusInterval) <= 0 ? secretRecheckInterval
        : slotStatusInterval;
    Duration half = shorter.dividedBy(2);
    return half.compareTo(MAX_TTL) <= 0 ? half : MAX_TTL;
  }

  /** The Secret {@code namespace/name} as last read within {@code ttl}, or read now. */
  public Optional<Secret> get(KubernetesClient client, String namespace, String name) {
    Instant now = clock.instant();
    sweep(now);
    Key key = new Key(namespace, name);
    Read read = reads.get(key);
    if (read != null && now.isBefore(read.expires())) {
      return read.secret();
    }
    Optional<Secret> secret = Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
    reads.put(key, new Read(secret, now.plus(ttl)));
    return secret;
  }

  /** How many Secrets are held (tests). */
  int size() {
    return reads.size();
  }

  private void sweep(Instant now) {
    if (now.isBefore(swept.plus(ttl))) {
      return;
    }
    swept = now;
    reads.values().removeIf(r -> !now.isBefore(r.expires()));
  }
}
