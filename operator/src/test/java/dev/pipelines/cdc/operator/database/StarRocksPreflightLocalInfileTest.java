package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import dev.pipelines.cdc.emulator.mysql.LocalInfileTrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's StarRocks preflight against a hostile MySQL-protocol server that answers every
 * query with a LOCAL INFILE request for a file of this pod: nothing of the file is sent. The same
 * driver (Connector/J 9.5) with LOCAL INFILE allowed does send it, so the test can fail. The trap
 * answers at the driver's start-up queries, where 9.5 already honours such a request.
 */
class StarRocksPreflightLocalInfileTest {
  @TempDir
  Path dir;

  @Test
  void thePreflightSendsNothingOfTheRequestedFile() throws Exception {
    String secret = "service-account-token-" + UUID.randomUUID();
    Path token = Files.writeString(dir.resolve("token"), secret);
    try (LocalInfileTrap trap = LocalInfileTrap.start("loader", "pw", token.toString())) {
      CheckResult r = new JdbcStarRocks().inspect(
          new StarRocksTarget("jdbc:mysql://" + trap.host() + ":" + trap.port(), "analytics", true, "loader", "pw"));

      assertThat(trap.queriesAnswered()).as("the trap asked for the file").isNotEmpty();
      assertThat(trap.received()).as("bytes the preflight sent back").isEmpty();
      assertThat(r.ok()).as(r.message()).isFalse();
    }
  }

  @Test
  void theSameDriverWithLocalInfileAllowedSendsTheFile() throws Exception {
    String secret = "service-account-token-" + UUID.randomUUID();
    Path token = Files.writeString(dir.resolve("token"), secret);
    try (LocalInfileTrap trap = LocalInfileTrap.start("loader", "pw", token.toString())) {
      Properties props = StarRocksJdbc.properties("loader", "pw");
      props.setProperty("allowLoadLocalInfile", "true");
      props.setProperty("socketTimeout", "3000");
      try (Connection c = new com.mysql.cj.jdbc.Driver().connect(
          StarRocksJdbc.url(new HostPort(trap.host(), trap.port())).replace("allowLoadLocalInfile=false",
              "allowLoadLocalInfile=true"), props)) {
        c.isValid(1);
      } catch (SQLException expected) {
        // The trap answers the driver's start-up query with a file request, not a result.
      }

      assertThat(new String(trap.received(), StandardCharsets.UTF_8)).contains(secret);
    }
  }

  @Test
  void aJdbcUrlWithParametersIsNotConnectedTo() throws Exception {
    try (LocalInfileTrap trap = LocalInfileTrap.start("loader", "pw", "/etc/hostname")) {
      CheckResult r = new JdbcStarRocks().inspect(new StarRocksTarget("jdbc:mysql://" + trap.host() + ":" + trap.port()
          + "/?allowLoadLocalInfile=true", "analytics", true, "loader", "pw"));

      assertThat(r.ok()).isFalse();
      assertThat(r.message()).startsWith("spec.sink.starrocks.jdbcUrl: ").contains("no parameters");
      assertThat(trap.queriesAnswered()).isEmpty();
    }
  }
}
