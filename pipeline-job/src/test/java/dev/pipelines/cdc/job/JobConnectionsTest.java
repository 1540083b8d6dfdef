package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.PostgresJdbc;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the job's drivers make of the URLs and properties we build, read by their own parsers. */
class JobConnectionsTest {
  @Test
  void connectorJ51ReadsTheForcedOptionsAndNoInterceptor() throws Exception {
    Properties parsed = new com.mysql.jdbc.NonRegisteringDriver().parseURL(StarRocksJdbc.url(new HostPort("fe", 9030)),
        StarRocksJdbc.properties("loader", "pw"));

    assertThat(parsed.getProperty("HOST")).isEqualTo("fe");
    assertThat(parsed.getProperty("PORT")).isEqualTo("9030");
    assertThat(parsed.getProperty("allowLoadLocalInfile")).isEqualTo("false");
    assertThat(parsed.getProperty("allowUrlInLocalInfile")).isEqualTo("false");
    assertThat(parsed.getProperty("autoDeserialize")).isEqualTo("false");
    assertThat(parsed.stringPropertyNames()).noneMatch(k -> k.toLowerCase().contains("interceptor"));
  }

  @Test
  void pgjdbcTakesServerAndDatabaseFromTheProperties() {
    Properties parsed = org.postgresql.Driver.parseURL(PostgresJdbc.URL,
        PostgresJdbc.properties(new HostPort("pg.data.svc", 6543), "shop", "cdc", "pw"));

    assertThat(parsed.getProperty("PGHOST")).isEqualTo("pg.data.svc");
    assertThat(parsed.getProperty("PGPORT")).isEqualTo("6543");
    assertThat(parsed.getProperty("PGDBNAME")).isEqualTo("shop");
  }
}
