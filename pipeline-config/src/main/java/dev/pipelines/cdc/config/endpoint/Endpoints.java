package dev.pipelines.cdc.config.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for every address a user gives the pipeline: the StarRocks FE's {@code jdbcUrl},
 * its {@code loadUrls}, the Postgres {@code host} and {@code database}. The operator's validator,
 * the operator's connections and the job all parse through here, and the CRD's patterns are these
 * constants, so the three cannot drift apart.
 *
 * <p>Why so strict: these strings used to reach the JDBC drivers whole. A {@code jdbcUrl} could
 * switch on {@code allowLoadLocalInfile} (a server at that address can then read any file of the
 * operator or job pod, such as its service-account token) or {@code autoDeserialize} with
 * interceptors; a Postgres host or database could smuggle in URL parameters. Now only a host, a
 * port and a name pass, and the connection URLs and properties are built by the pipeline itself
 * ({@link StarRocksJdbc}, {@link PostgresJdbc}). The patterns use only what both Java and the API
 * server's RE2 support (no look-around).
 */
public final class Endpoints {
  /** RFC 1123 section 2.1: a whole host name is at most 255 octets, 253 as text without the root dot. */
  public static final int MAX_HOST_LENGTH = 253;

  /** Postgres' NAMEDATALEN - 1. */
  public static final int MAX_DATABASE_BYTES = 63;

  /** What the MySQL driver assumed for {@code jdbc:mysql://host} without a port, kept for those URLs. */
  public static final int MYSQL_DEFAULT_PORT = 3306;

  public static final String JDBC_MYSQL_PREFIX = "jdbc:mysql://";

  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 1-63 characters each. */
  private static final String DNS_NAME = LABEL + "(\\." + LABEL + ")*";
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";
  private static final String H16 = "[0-9A-Fa-f]{1,4}";
  /** RFC 4291 text forms, with {@code ::} compression; no embedded IPv4, no zone ({@code %eth0}). */
  private static final String IPV6 = "(" + "(" + H16 + ":){7}" + H16
      + "|(" + H16 + ":){1,7}:"
      + "|(" + H16 + ":){1,6}:" + H16
      + "|(" + H16 + ":){1,5}(:" + H16 + "){1,2}"
      + "|(" + H16 + ":){1,4}(:" + H16 + "){1,3}"
      + "|(" + H16 + ":){1,3}(:" + H16 + "){1,4}"
      + "|(" + H16 + ":){1,2}(:" + H16 + "){1,5}"
      + "|" + H16 + ":(:" + H16 + "){1,6}"
      + "|:((:" + H16 + "){1,7}|:)" + ")";
  private static final String PORT =
      "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

  /** Any host the pipeline connects to: a DNS name, an IPv4 address or an IPv6 address. */
  public static final String HOST = "^(" + DNS_NAME + "|" + IPV4 + "|" + IPV6 + ")$";

  /**
   * A StarRocks FE host: a DNS name or an IPv4 address. No IPv6 literal: the MySQL driver the
   * StarRocks connector bundles (Connector/J 5.1.49) parses {@code jdbc:mysql://[::1]:9030} as host
   * {@code [} (measured), so such an address could never work in the job.
   */
  private static final String STARROCKS_HOST = "(" + DNS_NAME + "|" + IPV4 + ")";

  /** A Postgres server host as {@code spec.source.postgres.host} takes it (the port is its own field). */
  public static final String POSTGRES_HOST = HOST;

  /** {@code jdbc:mysql://<host>[:<port>]}, optionally with a trailing {@code /}, and nothing else. */
  public static final String STARROCKS_JDBC_URL = "^jdbc:mysql://" + STARROCKS_HOST + "(:" + PORT + ")?/?$";

  /** A StarRocks FE HTTP address for Stream Load: {@code <host>:<port>}, no scheme, no path. */
  public static final String STARROCKS_LOAD_ADDRESS = "^" + STARROCKS_HOST + ":" + PORT + "$";

  /**
   * A Postgres database name as the pipeline accepts it: ASCII letters, digits, {@code _} and
   * {@code -}, starting with a letter or {@code _}, at most 63 bytes. Narrower than Postgres
   * (which takes any quoted name), wide enough for the usual names, and inert wherever a driver or
   * flink-cdc still writes it into a URL.
   */
  public static final String POSTGRES_DATABASE = "^[A-Za-z_][A-Za-z0-9_-]{0,62}$";

  /** Longest {@link #STARROCKS_JDBC_URL}: the 13-character prefix, host, ':' and 5 digits, '/'. A constant, for annotations. */
  public static final int MAX_JDBC_URL_LENGTH = 13 + MAX_HOST_LENGTH + 7;

  /** Longest {@link #STARROCKS_LOAD_ADDRESS}. */
  public static final int MAX_LOAD_ADDRESS_LENGTH = MAX_HOST_LENGTH + 6;

  private static final Pattern HOST_PATTERN = Pattern.compile(HOST);
  private static final Pattern STARROCKS_HOST_PATTERN = Pattern.compile("^" + STARROCKS_HOST + "$");
  private static final Pattern PORT_PATTERN = Pattern.compile("^" + PORT + "$");
  private static final Pattern DATABASE_PATTERN = Pattern.compile(POSTGRES_DATABASE);

  private static final String FE_EXAMPLE = "jdbc:mysql://starrocks-fe:9030";
  private static final String NO_OPTIONS =
      "the pipeline sets the driver's connection options itself (LOCAL INFILE and deserialization off)";

  private Endpoints() {}

  /** The StarRocks FE's MySQL-protocol address from a {@code jdbcUrl}. */
  public static HostPort starRocksFrontend(String jdbcUrl) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw invalid("is required: the MySQL port of a StarRocks FE, e.g. " + FE_EXAMPLE);
    }
    if (!jdbcUrl.startsWith(JDBC_MYSQL_PREFIX)) {
      throw invalid("'" + printable(jdbcUrl) + "' must be " + JDBC_MYSQL_PREFIX
          + "<host>[:<port>], the MySQL port of a StarRocks FE, e.g. " + FE_EXAMPLE);
    }
    String rest = jdbcUrl.substring(JDBC_MYSQL_PREFIX.length());
    String authority = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    Optional<String> stray = stray(authority, JDBC_MYSQL_PREFIX.length());
    if (stray.isPresent()) {
      String fix = suggestion(authority).map(a -> "; write it as " + JDBC_MYSQL_PREFIX + a).orElse("");
      throw invalid("'" + printable(jdbcUrl) + "' contains " + stray.get() + ": only " + JDBC_MYSQL_PREFIX
          + "<host>[:<port>] is accepted, with no parameters, user, path or fragment, as " + NO_OPTIONS + fix);
    }
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    String port = colon < 0 ? String.valueOf(MYSQL_DEFAULT_PORT) : authority.substring(colon + 1);
    return new HostPort(starRocksHost(jdbcUrl, host), port(jdbcUrl, port));
  }

  /** A StarRocks FE HTTP address ({@code host:port}) for Stream Load. */
  public static HostPort starRocksLoadAddress(String address) {
    if (address == null || address.isBlank()) {
      throw invalid("is empty: give a FE HTTP address, e.g. starrocks-fe:8030");
    }
    Optional<String> stray = stray(address, 0);
    if (stray.isPresent()) {
      String fix = suggestion(address).map(a -> "; write it as " + a).orElse("");
      throw invalid("'" + printable(address) + "' must be host:port, e.g. starrocks-fe:8030, and contains "
          + stray.get() + " (no scheme, user, path or parameters)" + fix);
    }
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw invalid("'" + printable(address) + "' must be host:port, e.g. " + printable(address)
          + ":8030 (the FE's http_port)");
    }
    return new HostPort(starRocksHost(address, address.substring(0, colon)), port(address, address.substring(colon + 1)));
  }

  /** The Postgres server: {@code host} as {@code spec.source.postgres.host} gives it, and its port. */
  public static HostPort postgresServer(String host, int port) {
    if (host == null || host.isBlank()) {
      throw invalid("is required: the PostgreSQL server's host name or IP address");
    }
    Optional<String> stray = stray(host, 0);
    if (stray.isPresent() || host.length() > MAX_HOST_LENGTH || !HOST_PATTERN.matcher(host).matches()) {
      throw invalid("'" + printable(host) + "'" + stray.map(s -> " contains " + s + " and").orElse("")
          + " must be a DNS name (RFC 1123: letters, digits, '-' and '.', at most " + MAX_HOST_LENGTH
          + " characters) or an IPv4 or IPv6 address, with no scheme, port, path or parameters"
          + " (the port is its own field; connection options are set by the pipeline)");
    }
    if (port < 1 || port > 65535) {
      throw invalid(port + " is not a TCP port (1-65535)");
    }
    return new HostPort(host, port);
  }

  /** The Postgres database name, unchanged when it is acceptable. */
  public static String postgresDatabase(String database) {
    if (database == null || database.isBlank()) {
      throw invalid("is required: the database to capture from");
    }
    if (database.getBytes(StandardCharsets.UTF_8).length > MAX_DATABASE_BYTES
        || !DATABASE_PATTERN.matcher(database).matches()) {
      throw invalid("'" + printable(database) + "' must be 1-" + MAX_DATABASE_BYTES
          + " ASCII letters, digits, '_' or '-', starting with a letter or '_' (the pipeline accepts no"
          + " other database names, so none can carry connection parameters)");
    }
    return database;
  }

  private static String starRocksHost(String whole, String host) {
    if (host.contains(":") || host.startsWith("[")) {
      throw invalid("'" + printable(whole) + "' names an IPv6 address: give the FE's DNS name or IPv4 address instead (the"
          + " MySQL driver bundled with the StarRocks connector, Connector/J 5.1, cannot parse IPv6 URLs)");
    }
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH || !STARROCKS_HOST_PATTERN.matcher(host).matches()) {
      throw invalid("'" + printable(whole) + "': host '" + printable(host) + "' must be a DNS name (RFC 1123: letters, digits, '-' and"
          + " '.', at most " + MAX_HOST_LENGTH + " characters) or an IPv4 address");
    }
    return host;
  }

  private static int port(String whole, String port) {
    if (!PORT_PATTERN.matcher(port).matches()) {
      throw invalid("'" + printable(whole) + "': port '" + printable(port) + "' must be a TCP port (1-65535)");
    }
    return Integer.parseInt(port);
  }

  /**
   * The first character that no host, port or IPv6 address contains, named so a reader sees it
   * (a space or line break is otherwise invisible in a message).
   */
  static Optional<String> stray(String text, int offset) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
      if (!allowed) {
        return Optional.of(describe(c) + " at position " + (offset + i + 1));
      }
    }
    return Optional.empty();
  }

  private static String describe(char c) {
    return switch (c) {
      case ' ' -> "a space";
      case '\n' -> "a line break";
      case '\r' -> "a carriage return";
      case '\t' -> "a tab";
      default -> Character.isISOControl(c) || Character.isWhitespace(c)
          ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
    };
  }

  /** The text up to the first stray character, when that alone is a valid host:port. */
  private static Optional<String> suggestion(String text) {
    int end = 0;
    while (end < text.length() && stray(text.substring(end, end + 1), 0).isEmpty()) {
      end++;
    }
    String prefix = text.substring(0, end);
    int at = text.indexOf('@');
    if (at >= 0 && at == end) {
      return Optional.empty(); // user info: what precedes '@' is a user name, not a host
    }
    int colon = prefix.lastIndexOf(':');
    if (colon <= 0 || !STARROCKS_HOST_PATTERN.matcher(prefix.substring(0, colon)).matches()
        || !PORT_PATTERN.matcher(prefix.substring(colon + 1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(prefix);
  }

  /**
   * The text as a message may show it: user information before an {@code @} (which may hold a
   * password, and messages reach status conditions and logs) replaced by {@code <redacted>}, and
   * control characters escaped, so a message stays one readable line.
   */
  static String printable(String text) {
    int at = text.lastIndexOf('@');
    if (at >= 0) {
      int scheme = text.indexOf("://");
      int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
      text = text.substring(0, start) + "<redacted>" + text.substring(at);
    }
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static InvalidEndpointException invalid(String message) {
    return new InvalidEndpointException(message);
  }
}
