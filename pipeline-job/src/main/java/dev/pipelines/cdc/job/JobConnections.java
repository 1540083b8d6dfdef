package dev.pipelines.cdc.job;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.endpoint.PostgresJdbc;
import dev.pipelines.cdc.config.endpoint.StarRocksJdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The job's own JDBC connections, built from parsed addresses only (see
 * {@link dev.pipelines.cdc.config.endpoint.PipelineEndpoints}), never from a URL in the config.
 *
 * <p>StarRocks: {@code DriverManager} finds Connector/J 5.1.49, the unshaded driver bundled in
 * flink-connector-starrocks and the only MySQL driver in the job (the connector's own JDBC use
 * goes through {@code DriverManager} too). Its {@code allowLoadLocalInfile} defaults to true, and
 * the URL beats the properties there, so the URL itself carries the forced options.
 */
public final class JobConnections {
  private JobConnections() {}

  /** The source database: server and database as pgjdbc properties, nothing in the URL. */
  public static Connection postgres(HostPort server, String database, Credentials credentials) throws SQLException {
    return DriverManager.getConnection(PostgresJdbc.URL,
        PostgresJdbc.properties(server, database, credentials.sourceUser(), credentials.sourcePassword()));
  }

  /**
   * A replication connection to the source database ({@code replication=database}: it runs
   * replication commands such as {@code CREATE_REPLICATION_SLOT}; pgjdbc requires the simple query
   * protocol for them).
   */
  public static Connection postgresReplication(HostPort server, String database, Credentials credentials)
      throws SQLException {
    java.util.Properties props = PostgresJdbc.properties(server, database, credentials.sourceUser(),
        credentials.sourcePassword());
    props.setProperty("replication", "database");
    props.setProperty("preferQueryMode", "simple");
    props.setProperty("assumeMinServerVersion", "10");
    return DriverManager.getConnection(PostgresJdbc.URL, props);
  }

  /** A StarRocks FE's MySQL port, LOCAL INFILE and deserialization off. */
  public static Connection starRocks(HostPort frontend, Credentials credentials) throws SQLException {
    return DriverManager.getConnection(StarRocksJdbc.url(frontend),
        StarRocksJdbc.properties(credentials.sinkUser(), credentials.sinkPassword()));
  }
}
