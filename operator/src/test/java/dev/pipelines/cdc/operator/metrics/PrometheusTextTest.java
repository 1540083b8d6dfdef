package dev.pipelines.cdc.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.SourceStatus;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void slotFiguresAsGaugesWithPipelineLabels() {
    SlotMetrics metrics = new SlotMetrics();
    metrics.record("data", "orders", new SourceStatus("cdc_data_orders", "cdc_data_orders", true, false, "0/16B3748", 4096L, 2048L));
    metrics.record("data", "new", SourceStatus.names("cdc_data_new", "cdc_data_new"));

    String text = metrics.scrape();

    assertThat(text).contains(
        "# TYPE cdc_pipeline_slot_lag_bytes gauge\n",
        "cdc_pipeline_slot_lag_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 2048\n",
        "cdc_pipeline_slot_retained_wal_bytes{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 4096\n",
        "cdc_pipeline_slot_active{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 0\n",
        "cdc_pipeline_slot_exists{namespace=\"data\",pipeline=\"orders\",slot=\"cdc_data_orders\"} 1\n");
    assertThat(text).as("unknown figures are left out, not zero").doesNotContain("pipeline=\"new\"");

    metrics.forget("data", "orders");
    assertThat(metrics.scrape()).doesNotContain("pipeline=\"orders\"");
  }

  @Test
  void labelValuesAreEscaped() {
    assertThat(PrometheusText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
  }
}
