package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.ConnectionUrl;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the operator's driver, Connector/J 9.5, makes of the URL and properties we build. */
class StarRocksJdbcDriverTest {
  @Test
  void connectorJ9ReadsTheForcedOptionsAndNoInterceptor() {
    Map<String, String> parsed = ConnectionUrl.getConnectionUrlInstance(StarRocksJdbc.url(new HostPort("fe", 9030)),
        StarRocksJdbc.properties("loader", "pw")).getMainHost().exposeAsProperties().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())));

    assertThat(parsed).containsEntry("host", "fe").containsEntry("port", "9030")
        .containsEntry("allowLoadLocalInfile", "false").containsEntry("allowUrlInLocalInfile", "false")
        .containsEntry("autoDeserialize", "false");
    assertThat(parsed.keySet()).noneMatch(k -> k.toLowerCase().contains("interceptor") || k.contains("InPath"));
  }
}
