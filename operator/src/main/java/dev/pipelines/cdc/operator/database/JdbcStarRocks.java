package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.InvalidEndpointException;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The StarRocks FE over its MySQL port, as the pipeline's load user: reachable, credentials
 * accepted, target database present (or creatable). 5 s connect and socket timeouts.
 *
 * <p>The driver is Connector/J 9.5 (the operator's pom). The URL is rebuilt from the host and port
 * that {@link Endpoints} parses out of {@code jdbcUrl}, never the user's text, and carries
 * {@link StarRocksJdbc}'s forced options, which the properties repeat: this driver lets properties
 * override the URL, so both must say LOCAL INFILE and deserialization off.
 */
public final class JdbcStarRocks implements SinkInspector {
  static final String DATABASE_EXISTS = "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
  private static final int TIMEOUT_MILLIS = 5_000;

  @Override
  public CheckResult inspect(StarRocksTarget target) {
    HostPort frontend;
    try {
      frontend = Endpoints.starRocksFrontend(target.jdbcUrl());
    } catch (InvalidEndpointException e) {
      // The validator refuses such a spec first; this is the connection's own check.
      return CheckResult.failed(DatabaseReasons.INVALID_SPEC, "spec.sink.starrocks.jdbcUrl: " + e.getMessage());
    }
    String what = "StarRocks FE at " + frontend;
    try (Connection c = connect(frontend, target); PreparedStatement st = c.prepareStatement(DATABASE_EXISTS)) {
      st.setString(1, target.database());
      boolean exists;
      try (ResultSet rs = st.executeQuery()) {
        exists = rs.next();
      }
      if (!exists && !target.createTables()) {
        return CheckResult.failed(DatabaseReasons.DATABASE_NOT_FOUND,
            "database " + target.database() + " does not exist on " + frontend + " (or user '"
                + target.user() + "' may not see it) and createTables is false: create it, or set createTables: true");
      }
      return CheckResult.passed(DatabaseReasons.PREFLIGHT_PASSED, what + " accepted user '" + target.user() + "'; database "
          + target.database() + (exists ? " exists" : " will be created by the job"));
    } catch (SQLException e) {
      return JdbcErrors.classify(e, what, target.user());
    }
  }

  static Connection connect(HostPort frontend, StarRocksTarget target) throws SQLException {
    Properties props = StarRocksJdbc.properties(target.user(), target.password());
    props.setProperty("connectTimeout", String.valueOf(TIMEOUT_MILLIS));
    props.setProperty("socketTimeout", String.valueOf(TIMEOUT_MILLIS));
    // One attempt: the retry with backoff is the reconciler's.
    props.setProperty("autoReconnect", "false");
    props.setProperty("maxReconnects", "1");
    String url = StarRocksJdbc.url(frontend);
    Connection c = new com.mysql.cj.jdbc.Driver().connect(url, props);
    if (c == null) {
      throw new SQLException("the MySQL driver does not accept " + url, "08001");
    }
    return c;
  }
}
