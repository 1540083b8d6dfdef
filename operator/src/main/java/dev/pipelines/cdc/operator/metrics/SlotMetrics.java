package dev.pipelines.cdc.operator.metrics;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest slot figures of every pipeline, as the status shows them, for the Prometheus
 * endpoint. Written by reconcile threads, read by the HTTP server.
 */
public final class SlotMetrics {
  /** Identifies one pipeline's series. */
  public record Key(String namespace, String pipeline) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int ns = namespace.compareTo(other.namespace);
      return ns != 0 ? ns : pipeline.compareTo(other.pipeline);
    }
  }

  private final Map<Key, SourceStatus> latest = new ConcurrentHashMap<>();

  public void record(String namespace, String pipeline, SourceStatus source) {
    if (source == null || source.slotName() == null) {
      forget(namespace, pipeline);
    } else {
      latest.put(new Key(namespace, pipeline), source);
    }
  }

  public void forget(String namespace, String pipeline) {
    latest.remove(new Key(namespace, pipeline));
  }

  /** A sorted copy, so a scrape sees one consistent ordering. */
  public Map<Key, SourceStatus> snapshot() {
    return new TreeMap<>(latest);
  }

  /** The Prometheus text exposition of {@link #snapshot()}. */
  public String scrape() {
    return PrometheusText.format(snapshot());
  }
}
