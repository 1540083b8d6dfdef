package dev.pipelines.cdc.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import org.junit.jupiter.api.Test;

/** The slot gauges as Prometheus reads them: the names, labels and values docs/operations.md and the chart use. */
class SlotMetricsTest {
  private final SlotMetrics metrics = new SlotMetrics();

  @Test
  void slotFiguresAsGaugesWithPipelineLabels() {
    metrics.record("data", "orders", new SourceStatus("cdc_data_orders", "cdc_data_orders", true, false, "0/16B3748", 4096L, 2048L));
    metrics.record("data", "new", SourceStatus.names("cdc_data_new", "cdc_data_new"));

    String text = metrics.scrape();

    assertThat(text).contains(
        "# HELP cdc_pipeline_slot_lag_bytes WAL bytes written since the job's confirmed position in the replication slot.\n",
        "# TYPE cdc_pipeline_slot_lag_bytes gauge\n",
        "cdc_pipeline_slot_lag_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 2048.0\n",
        "cdc_pipeline_slot_retained_wal_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 4096.0\n",
        "cdc_pipeline_slot_active{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 0.0\n",
        "cdc_pipeline_slot_exists{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 1.0\n");
    assertThat(text).as("unknown figures are left out, not zero or NaN").doesNotContain("pipeline=\"new\"");

    metrics.forget("data", "orders");
    assertThat(metrics.scrape()).doesNotContain("pipeline=\"orders\"");
  }

  @Test
  void aNewReadingReplacesTheOldValueAndAFigureGoneUnknownLosesItsSeries() {
    metrics.record("data", "orders", new SourceStatus("cdc_data_orders", "p", true, true, "0/1", 10L, 5L));
    metrics.record("data", "orders", new SourceStatus("cdc_data_orders", "p", true, false, "0/2", 30L, null));

    String text = metrics.scrape();

    assertThat(text).contains(
        "cdc_pipeline_slot_retained_wal_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 30.0\n",
        "cdc_pipeline_slot_active{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 0.0\n");
    assertThat(text).doesNotContain("cdc_pipeline_slot_lag_bytes{");
  }

  @Test
  void aRenamedSlotMovesTheSeries() {
    metrics.record("data", "orders", new SourceStatus("old_slot", "p", true, true, "0/1", 10L, 5L));
    metrics.record("data", "orders", new SourceStatus("new_slot", "p", true, true, "0/1", 10L, 5L));

    assertThat(metrics.scrape()).doesNotContain("slot=\"old_slot\"")
        .contains("cdc_pipeline_slot_lag_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"new_slot\"} 5.0\n");
  }

  @Test
  void labelValuesAreEscaped() {
    metrics.record("data", "a\"b\\c", new SourceStatus("s", "p", true, true, "0/1", 1L, 1L));

    assertThat(metrics.scrape()).contains("pipeline=\"a\\\"b\\\\c\"");
  }
}
