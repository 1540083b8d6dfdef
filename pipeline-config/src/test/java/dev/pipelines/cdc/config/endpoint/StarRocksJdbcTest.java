package dev.pipelines.cdc.config.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class StarRocksJdbcTest {
  @Test
  void urlIsHostPortAndTheForcedOptionsOnly() {
    assertThat(StarRocksJdbc.url(new HostPort("fe", 9030))).isEqualTo(
        "jdbc:mysql://fe:9030/?allowLoadLocalInfile=false&allowUrlInLocalInfile=false&autoDeserialize=false");
  }

  @Test
  void propertiesCarryTheSameForcedOptions() {
    Properties p = StarRocksJdbc.properties("loader", "secret");

    assertThat(p).containsEntry("user", "loader").containsEntry("password", "secret")
        .containsEntry("allowLoadLocalInfile", "false").containsEntry("allowUrlInLocalInfile", "false")
        .containsEntry("autoDeserialize", "false").hasSize(5);
  }

  @Test
  void postgresPropertiesNameServerAndDatabaseAndTheUrlNothing() {
    Properties p = PostgresJdbc.properties(new HostPort("::1", 5433), "shop", "cdc", "pw");

    assertThat(PostgresJdbc.URL).isEqualTo("jdbc:postgresql://");
    assertThat(p).containsEntry("PGHOST", "::1").containsEntry("PGPORT", "5433").containsEntry("PGDBNAME", "shop")
        .containsEntry("user", "cdc").containsEntry("password", "pw").hasSize(5);
  }
}
