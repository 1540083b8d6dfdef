package dev.pipelines.cdc.operator.metrics;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The latest slot figures of every pipeline, as the status shows them, as Micrometer gauges in the
 * registry {@code /metrics} serves (JOSDK's own reconcile metrics join the same registry, see {@code
 * CdcPipelineOperator}). Written by reconcile threads, read by the HTTP server's scrape.
 *
 * <p>One series per pipeline and gauge, tagged {@code namespace}, {@code pipeline}, {@code slot}. A
 * figure the status does not know (e.g. lag while the slot is missing) has no series, rather than a
 * {@code NaN}; a pipeline that is deleted or has no slot loses its series.
 */
public final class SlotMetrics {
  /** The Prometheus text exposition format the registry writes (version 0.0.4). */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** One gauge: its Prometheus name (Micrometer's dots become underscores), help text and value. */
  private record Figure(String name, String help, Function<SourceStatus, Long> value) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("cdc.pipeline.slot.lag.bytes",
          "WAL bytes written since the job's confirmed position in the replication slot.", SourceStatus::lagBytes),
      new Figure("cdc.pipeline.slot.retained.wal.bytes",
          "WAL bytes PostgreSQL keeps for the replication slot.", SourceStatus::retainedWalBytes),
      new Figure("cdc.pipeline.slot.active",
          "1 when a consumer (the Flink job) is connected to the slot, else 0.",
          s -> s.active() == null ? null : (s.active() ? 1L : 0L)),
      new Figure("cdc.pipeline.slot.exists",
          "1 when the replication slot exists, else 0.",
          s -> s.slotExists() == null ? null : (s.slotExists() ? 1L : 0L)));

  /** Identifies one pipeline's series. */
  private record Key(String namespace, String pipeline) {}

  /** One registered gauge and the value it reads (Micrometer holds gauge state weakly: we hold it). */
  private record Series(Gauge gauge, String slot, AtomicLong value) {}

  private final PrometheusMeterRegistry registry;
  /** Guarded by {@code this}: reconciles of different pipelines may record at once. */
  private final Map<Key, Map<String, Series>> series = new HashMap<>();

  public SlotMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public SlotMetrics(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The registry {@code /metrics} serves. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public synchronized void record(String namespace, String pipeline, SourceStatus source) {
    if (source == null || source.slotName() == null) {
      forget(namespace, pipeline);
      return;
    }
    Map<String, Series> mine = series.computeIfAbsent(new Key(namespace, pipeline), k -> new HashMap<>());
    for (Figure figure : FIGURES) {
      Long value = figure.value().apply(source);
      Series current = mine.get(figure.name());
      if (current != null && (value == null || !current.slot().equals(source.slotName()))) {
        registry.remove(current.gauge());
        mine.remove(figure.name());
        current = null;
      }
      if (value == null) {
        continue;
      }
      if (current == null) {
        AtomicLong holder = new AtomicLong(value);
        Gauge gauge = Gauge.builder(figure.name(), holder, AtomicLong::get)
            .description(figure.help())
            .tag("namespace", namespace)
            .tag("pipeline", pipeline)
            .tag("slot", source.slotName())
            .register(registry);
        mine.put(figure.name(), new Series(gauge, source.slotName(), holder));
      } else {
        current.value().set(value);
      }
    }
    if (mine.isEmpty()) {
      series.remove(new Key(namespace, pipeline));
    }
  }

  public synchronized void forget(String namespace, String pipeline) {
    Map<String, Series> mine = series.remove(new Key(namespace, pipeline));
    if (mine != null) {
      mine.values().forEach(s -> registry.remove(s.gauge()));
    }
  }

  /** Everything in the registry, JOSDK's metrics included, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
