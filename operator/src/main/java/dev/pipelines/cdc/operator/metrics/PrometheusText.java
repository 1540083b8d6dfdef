package dev.pipelines.cdc.operator.metrics;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import java.util.Map;
import java.util.function.Function;

/**
 * Slot figures in the Prometheus text exposition format (version 0.0.4). A few gauges do not
 * justify a metrics library; this is the whole format we need.
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  public static String format(Map<SlotMetrics.Key, SourceStatus> slots) {
    StringBuilder out = new StringBuilder();
    gauge(out, slots, "cdc_pipeline_slot_lag_bytes",
        "WAL bytes written since the job's confirmed position in the replication slot.", SourceStatus::lagBytes);
    gauge(out, slots, "cdc_pipeline_slot_retained_wal_bytes",
        "WAL bytes PostgreSQL keeps for the replication slot.", SourceStatus::retainedWalBytes);
    gauge(out, slots, "cdc_pipeline_slot_active",
        "1 when a consumer (the Flink job) is connected to the slot, else 0.",
        s -> s.active() == null ? null : (s.active() ? 1L : 0L));
    gauge(out, slots, "cdc_pipeline_slot_exists",
        "1 when the replication slot exists, else 0.",
        s -> s.slotExists() == null ? null : (s.slotExists() ? 1L : 0L));
    return out.toString();
  }

  private static void gauge(StringBuilder out, Map<SlotMetrics.Key, SourceStatus> slots, String name, String help,
      Function<SourceStatus, Long> value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    slots.forEach((key, status) -> {
      Long v = value.apply(status);
      if (v != null) {
        out.append(name)
            .append("{namespace=\"").append(escape(key.namespace()))
            .append("\",pipeline=\"").append(escape(key.pipeline()))
            .append("\",slot=\"").append(escape(status.slotName()))
            .append("\"} ").append(v).append('\n');
      }
    });
  }

  static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
