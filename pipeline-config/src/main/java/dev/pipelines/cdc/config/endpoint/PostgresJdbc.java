package dev.pipelines.cdc.config.endpoint;

import java.util.Properties;

/**
 * The one way the pipeline opens a JDBC connection to the source Postgres (operator preflight and
 * clean-up, the job's catalog read, the TOAST read-back): the URL carries nothing, and server,
 * port, database and credentials go through pgjdbc's own properties ({@code PGHOST},
 * {@code PGPORT}, {@code PGDBNAME}, {@code user}, {@code password}), so no user text is parsed
 * as a URL. (pgjdbc fills in from the properties what {@code jdbc:postgresql://} leaves out;
 * {@code jdbc:postgresql:} without slashes would set the database to "", measured on 42.7.8.)
 */
public final class PostgresJdbc {
  public static final String URL = "jdbc:postgresql://";

  private PostgresJdbc() {}

  /** Server, database and credentials; callers may add timeouts and an application name. */
  public static Properties properties(HostPort server, String database, String user, String password) {
    Properties props = new Properties();
    props.setProperty("PGHOST", server.host());
    props.setProperty("PGPORT", String.valueOf(server.port()));
    props.setProperty("PGDBNAME", Endpoints.postgresDatabase(database));
    props.setProperty("user", user);
    props.setProperty("password", password);
    return props;
  }
}
