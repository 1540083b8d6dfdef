package dev.pipelines.cdc.config.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The one way the pipeline opens a MySQL-protocol connection to a StarRocks FE (operator
 * preflight, the job's DDL, the StarRocks connector's own JDBC use): a URL made of a validated
 * {@link HostPort} and fixed options, and the same options again as driver properties.
 *
 * <p>Both places, because the two drivers in play disagree on precedence (measured): Connector/J
 * 9.5 (the operator's) lets a {@code Properties} entry override the URL, Connector/J 5.1.49
 * (bundled unshaded in the StarRocks connector, the one the job's {@code DriverManager} finds)
 * lets the URL override the properties, and the connector passes only the URL. 5.1's
 * {@code allowLoadLocalInfile} defaults to {@code true}, so the URL must say {@code false}.
 *
 * <p>No interceptor option is named at all: the drivers load none unless told to
 * ({@code queryInterceptors}/{@code statementInterceptors}, {@code connectionLifecycleInterceptors},
 * {@code exceptionInterceptors}), and nothing a user writes reaches the URL or the properties.
 * An empty value would not be safer: 5.1 drops empty URL values, and 9.5 keeps them as a class list.
 */
public final class StarRocksJdbc {
  /** Driver options forced on every connection, in URL order. */
  public static final Map<String, String> FORCED_OPTIONS;

  static {
    Map<String, String> options = new LinkedHashMap<>();
    // A server can answer any query with a LOCAL INFILE request naming a client file.
    options.put("allowLoadLocalInfile", "false");
    // ... or a URL the client would fetch (file:, http:) and send back.
    options.put("allowUrlInLocalInfile", "false");
    // Java deserialization of BLOB values a server sends.
    options.put("autoDeserialize", "false");
    FORCED_OPTIONS = java.util.Collections.unmodifiableMap(options);
  }

  private StarRocksJdbc() {}

  /** {@code jdbc:mysql://host:port/?allowLoadLocalInfile=false&...}: no database, the pipeline names it per statement. */
  public static String url(HostPort frontend) {
    return Endpoints.JDBC_MYSQL_PREFIX + frontend.authority() + "/?" + FORCED_OPTIONS.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }

  /** User, password and the forced options; callers may add timeouts, never anything from a user. */
  public static Properties properties(String user, String password) {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    FORCED_OPTIONS.forEach(props::setProperty);
    return props;
  }
}
