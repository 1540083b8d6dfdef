package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.starrocks.connector.flink.connection.StarRocksJdbcConnectionOptions;
import com.starrocks.connector.flink.connection.StarRocksJdbcConnectionProvider;
import com.starrocks.connector.flink.manager.StarRocksQueryVisitor;
import com.starrocks.connector.flink.table.sink.StarRocksSinkOptions;
import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.emulator.mysql.LocalInfileTrap;
import dev.pipelines.cdc.job.ddl.TargetColumn;
import dev.pipelines.cdc.job.ddl.TargetTable;
import dev.pipelines.cdc.job.sink.StarRocksSinkFactoryAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's MySQL-protocol connections against a hostile server (the emulator's front armed as a
 * {@link LocalInfileTrap}: every query but the driver's own set-up is answered with a LOCAL INFILE
 * request for a file of this pod). Neither the job's DDL connection nor the StarRocks connector's
 * own JDBC use (as {@code StarRocksSinkFactory} configures it) sends anything of the file; the
 * same driver, Connector/J 5.1.49 from the connector jar, does send it when LOCAL INFILE is left on.
 */
@ExtendWith(StarRocksEmulatorExtension.class)
class MySqlConnectionsLocalInfileIT {
  @TempDir
  Path dir;
  private String secret;
  private LocalInfileTrap trap;

  @BeforeEach
  void arm(StarRocksEmulator sr) throws Exception {
    secret = "service-account-token-" + UUID.randomUUID();
    trap = sr.trapLocalInfile(Files.writeString(dir.resolve("token"), secret).toString());
  }

  @AfterEach
  void disarm(StarRocksEmulator sr) {
    sr.reset();
  }

  @Test
  void theJobsDriverIsConnectorJ51FromTheStarRocksJar(StarRocksEmulator sr) throws SQLException {
    var driver = DriverManager.getDriver(StarRocksJdbc.url(Endpoints.starRocksFrontend(sr.jdbcUrl())));

    assertThat(driver.getClass().getName()).isEqualTo("com.mysql.jdbc.Driver");
    assertThat(driver.getMajorVersion() + "." + driver.getMinorVersion()).isEqualTo("5.1");
  }

  @Test
  void theDdlConnectionSendsNothingOfTheFile(StarRocksEmulator sr) {
    try (Connection c = JobConnections.starRocks(Endpoints.starRocksFrontend(sr.jdbcUrl()), credentials(sr));
        PreparedStatement st = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      st.setString(1, "shop");
      st.executeQuery();
    } catch (SQLException expected) {
      // Refused by the driver: the point is what reached the server.
    }

    assertThat(trap.queriesAnswered()).as("the trap asked for the file").isNotEmpty();
    assertThat(trap.received()).as("bytes sent back").isEmpty();
  }

  @Test
  void theConnectorsJdbcUseSendsNothingOfTheFile(StarRocksEmulator sr) {
    StarRocksSinkOptions options = StarRocksSinkFactoryAccess.options(config(sr), credentials(sr),
        List.of(new TargetTable("shop", "orders", List.of(new TargetColumn("id", "BIGINT", false)), List.of("id"))));
    // What the connector does with jdbc-url at graph build: DriverManager through its provider,
    // then `select current_version()` (StarRocksSinkTable / StarRocksQueryVisitor).
    StarRocksJdbcConnectionProvider provider = new StarRocksJdbcConnectionProvider(
        new StarRocksJdbcConnectionOptions(options.getJdbcUrl(), options.getUsername(), options.getPassword()));
    try {
      new StarRocksQueryVisitor(provider, "shop", "orders").getStarRocksVersion();
    } catch (RuntimeException expected) {
      // The trap answered with a file request instead of a version.
    } finally {
      provider.close();
    }

    assertThat(trap.queriesAnswered()).as("the trap asked for the file").isNotEmpty();
    assertThat(trap.received()).as("bytes sent back").isEmpty();
  }

  @Test
  void theSameDriverWithLocalInfileOnSendsTheFile(StarRocksEmulator sr) {
    String url = StarRocksJdbc.url(Endpoints.starRocksFrontend(sr.jdbcUrl()))
        .replace("allowLoadLocalInfile=false", "allowLoadLocalInfile=true");
    try (Connection c = DriverManager.getConnection(url, sr.user(), sr.password());
        PreparedStatement st = c.prepareStatement("select current_version()")) {
      st.executeQuery();
    } catch (SQLException expected) {
      // The trap answers with a file request, then OK: not a result set.
    }

    assertThat(new String(trap.received(), StandardCharsets.UTF_8)).isEqualTo(secret);
  }

  private static PipelineConfig config(StarRocksEmulator sr) {
    return PipelineConfig.of(new PipelineId("data", "orders"),
        new PostgresSourceConfig("pg", 5432, "shop", List.of("public.orders"), List.of(), "slot", "pub",
            StartupMode.INITIAL, 65536),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), "shop", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 5_000, Map.of()));
  }

  private static Credentials credentials(StarRocksEmulator sr) {
    return new Credentials("cdc", "pw", sr.user(), sr.password());
  }
}
