package dev.pipelines.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigCodecTest {

  static PipelineConfig sample() {
    return PipelineConfig.of(
        new PipelineId("data", "orders"),
        new PostgresSourceConfig(
            "pg.data.svc",
            5432,
            "shop",
            List.of("public.orders", "public\\.order_items_.*"),
            List.of("public.order_items_archive"),
            "cdc_data_orders",
            "cdc_data_orders",
            StartupMode.INITIAL,
            8096),
        new StarRocksSinkConfig(
            "jdbc:mysql://fe:9030",
            List.of("fe:8030"),
            "analytics",
            List.of(new TableRoute("public.orders", "orders_v2")),
            true,
            DeliverySemantic.EXACTLY_ONCE,
            5000,
            Map.of("max_filter_ratio", "0", "format", "json")));
  }

  @Test
  void roundTripsEveryField() {
    PipelineConfig config = sample();

    assertThat(PipelineConfigCodec.read(PipelineConfigCodec.write(config))).isEqualTo(config);
  }

  @Test
  void writesStableSortedJsonWithEnumWireNames() {
    String json = PipelineConfigCodec.write(sample());

    assertThat(json).isEqualTo(PipelineConfigCodec.write(sample()));
    assertThat(json).contains("\"startupMode\" : \"initial\"", "\"semantic\" : \"exactly-once\"");
    assertThat(json.indexOf("\"format\"")).isLessThan(json.indexOf("\"max_filter_ratio\""));
    assertThat(json).contains("\"configVersion\" : 1");
  }

  @Test
  void refusesAnotherVersionNamingBoth() {
    String json = PipelineConfigCodec.write(sample()).replace("\"configVersion\" : 1", "\"configVersion\" : 2");

    assertThatThrownBy(() -> PipelineConfigCodec.read(json))
        .isInstanceOf(InvalidPipelineConfigException.class)
        .hasMessageContaining("version 2 is not supported")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void refusesMissingVersion() {
    assertThatThrownBy(() -> PipelineConfigCodec.read("{}"))
        .isInstanceOf(InvalidPipelineConfigException.class)
        .hasMessageContaining("version is missing");
  }

  @Test
  void refusesMissingRequiredField() {
    String json = PipelineConfigCodec.write(sample()).replace("\"host\" : \"pg.data.svc\",", "");

    assertThatThrownBy(() -> PipelineConfigCodec.read(json))
        .isInstanceOf(InvalidPipelineConfigException.class)
        .hasMessageContaining("host");
  }

  @Test
  void ignoresFieldsFromANewerOperator() {
    String json = PipelineConfigCodec.write(sample()).replaceFirst("\\{", "{ \"futureField\" : true,");

    assertThat(PipelineConfigCodec.read(json)).isEqualTo(sample());
  }
}
