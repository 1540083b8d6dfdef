package dev.pipelines.cdc.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.ddl.TargetColumn;
import dev.pipelines.cdc.job.ddl.TargetTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector options for a flush setting (building them runs the connector's own validation). */
class StarRocksSinkFactoryTest {
  static final List<TargetTable> TABLES = List.of(new TargetTable("shop", "orders",
      List.of(new TargetColumn("id", "BIGINT", false), new TargetColumn("note", "STRING", true)), List.of("id")));

  @Test
  void flushIntervalGoesToTheConnectorsTimer() {
    assertThat(StarRocksSinkFactory.options(config(5_000), credentials(), TABLES).getSinkMaxFlushInterval())
        .isEqualTo(5_000);
  }

  /** Below the connector's 1 s minimum (it refuses less), checkpoints do the flushing: FlushPolicy. */
  @Test
  void subSecondFlushGivesTheConnectorItsMinimum() {
    assertThat(StarRocksSinkFactory.options(config(200), credentials(), TABLES).getSinkMaxFlushInterval())
        .isEqualTo(1_000);
  }

  /** The connector gets a URL we built: host and port from the config, our options, nothing of the user's. */
  @Test
  void jdbcUrlAndLoadUrlAreRebuiltFromTheParsedAddresses() {
    var options = StarRocksSinkFactory.options(config(5_000), credentials(), TABLES);

    assertThat(options.getJdbcUrl()).isEqualTo(
        "jdbc:mysql://fe:9030/?allowLoadLocalInfile=false&allowUrlInLocalInfile=false&autoDeserialize=false");
    assertThat(options.getLoadUrlList()).containsExactly("fe:8030");
  }

  /**
   * Every Stream Load header the job sets is one the operator's validator refuses in a spec
   * (StreamLoadHeaders.RESERVED), so a user's properties never fight the job's.
   */
  @Test
  void theHeadersTheJobSetsAreTheReservedOnes() {
    Map<String, String> headers = StarRocksSinkFactory.options(config(5_000), credentials(), TABLES)
        .getSinkStreamLoadProperties();

    assertThat(headers).containsAllEntriesOf(dev.pipelines.cdc.config.plan.StreamLoadHeaders.FORMAT);
    assertThat(dev.pipelines.cdc.config.plan.StreamLoadHeaders.RESERVED).containsAll(headers.keySet())
        .contains(dev.pipelines.cdc.config.plan.StreamLoadHeaders.COLUMNS);
  }

  /** A config file that did not come through the operator is refused before the connector sees it. */
  @Test
  void aJdbcUrlWithParametersInTheConfigFileIsRefused() {
    PipelineConfig hostile = PipelineConfig.of(config(5_000).pipeline(), config(5_000).source(),
        new StarRocksSinkConfig("jdbc:mysql://fe:9030/?allowLoadLocalInfile=true", List.of("http://fe:8030/x"), "shop",
            List.of(), true, DeliverySemantic.AT_LEAST_ONCE, 5_000, Map.of()));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StarRocksSinkFactory.options(hostile, credentials(), TABLES))
        .isInstanceOf(dev.pipelines.cdc.config.InvalidPipelineConfigException.class)
        .hasMessageContaining("sink.jdbcUrl: 'jdbc:mysql://fe:9030/?allowLoadLocalInfile=true' contains '/'")
        .hasMessageContaining("sink.loadUrls[0]: 'http://fe:8030/x' must be host:port");
  }

  static PipelineConfig config(long flushMillis) {
    return PipelineConfig.of(new PipelineId("data", "orders"),
        new PostgresSourceConfig("pg", 5432, "shop", List.of("public.orders"), List.of(), "slot", "pub",
            StartupMode.INITIAL, 65536),
        new StarRocksSinkConfig("jdbc:mysql://fe:9030", List.of("fe:8030"), "shop", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, flushMillis, Map.of()));
  }

  static Credentials credentials() {
    return new Credentials("cdc", "pw", "loader", "pw");
  }
}
