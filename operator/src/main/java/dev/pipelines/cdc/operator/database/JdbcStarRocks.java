package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.operator.status.Reasons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The StarRocks FE over its MySQL port, as the pipeline's load user: reachable, credentials
 * accepted, target database present (or creatable). 5 s connect and socket timeouts.
 */
public final class JdbcStarRocks implements SinkInspector {
  static final String DATABASE_EXISTS = "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
  private static final int TIMEOUT_MILLIS = 5_000;

  @Override
  public CheckResult inspect(StarRocksTarget target) {
    String what = "StarRocks FE at " + target.jdbcUrl();
    try (Connection c = connect(target); PreparedStatement st = c.prepareStatement(DATABASE_EXISTS)) {
      st.setString(1, target.database());
      boolean exists;
      try (ResultSet rs = st.executeQuery()) {
        exists = rs.next();
      }
      if (!exists && !target.createTables()) {
        return CheckResult.failed(Reasons.DATABASE_NOT_FOUND,
            "database " + target.database() + " does not exist on " + target.jdbcUrl() + " (or user '"
                + target.user() + "' may not see it) and createTables is false: create it, or set createTables: true");
      }
      return CheckResult.passed(Reasons.PREFLIGHT_PASSED, what + " accepted user '" + target.user() + "'; database "
          + target.database() + (exists ? " exists" : " will be created by the job"));
    } catch (SQLException e) {
      return JdbcErrors.classify(e, what, target.user());
    }
  }

  private static Connection connect(StarRocksTarget target) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", target.user());
    props.setProperty("password", target.password());
    props.setProperty("connectTimeout", String.valueOf(TIMEOUT_MILLIS));
    props.setProperty("socketTimeout", String.valueOf(TIMEOUT_MILLIS));
    // One attempt: the retry with backoff is the reconciler's.
    props.setProperty("autoReconnect", "false");
    props.setProperty("maxReconnects", "1");
    Connection c = new com.mysql.cj.jdbc.Driver().connect(target.jdbcUrl(), props);
    if (c == null) {
      throw new SQLException("the MySQL driver does not accept " + target.jdbcUrl(), "08001");
    }
    return c;
  }
}
