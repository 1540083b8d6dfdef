package dev.pipelines.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
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
            Map.of("max_filter_ratio", "0", "format", "json")),
        List.of(new TableTransform(List.of("public.orders"), new ColumnTransform(List.of(), List.of("card_number"),
            List.of(new ColumnRename("Order Date", "order_date"))))));
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
    assertThat(json).contains("\"configVersion\" : 2", "\"from\" : \"Order Date\"");
  }

  @Test
  void refusesANewerVersionNamingBoth() {
    String json = PipelineConfigCodec.write(sample()).replace("\"configVersion\" : 2", "\"configVersion\" : 3");

    assertThatThrownBy(() -> PipelineConfigCodec.read(json))
        .isInstanceOf(InvalidPipelineConfigException.class)
        .hasMessageContaining("version 3 is not supported")
        .hasMessageContaining("reads versions 1 to 2");
  }

  @Test
  void readsAVersionOneConfigAsOneWithoutTransforms() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode tree = (ObjectNode) mapper.readTree(PipelineConfigCodec.write(sample()));
    tree.put("configVersion", 1);
    tree.remove("transforms");

    PipelineConfig read = PipelineConfigCodec.read(mapper.writeValueAsString(tree));

    assertThat(read.configVersion()).isEqualTo(1);
    assertThat(read.transforms()).isEmpty();
    assertThat(read.source()).isEqualTo(sample().source());
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
