package dev.pipelines.cdc.operator.api.v1alpha1;

import dev.pipelines.cdc.config.endpoint.Endpoints;

/** Regular expressions shared by the CRD schema and the operator's own validation. */
public final class Patterns {
  /** A Kubernetes object name (RFC 1123 subdomain). */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A Postgres slot or publication name as the operator will accept it: lower-case letters,
   * digits and underscores, at most 63 bytes (Postgres' NAMEDATALEN - 1). Slot names may not
   * contain anything else; publications could, but one rule for both is easier to reason about.
   */
  public static final String PG_IDENTIFIER = "^[a-z_][a-z0-9_]{0,62}$";

  /*
   * Durations: the unit labels Flink's own parser (org.apache.flink.util.TimeUtils.parseDuration, which
   * Durations calls) reads, lower case, each with its digit bound. The bound keeps every accepted duration's
   * milliseconds within a long (9.2e18): 18 digits of ms, 15 of s (1e18 ms), 14 of min (6e18 ms), 12 of h
   * (3.6e18 ms), 11 of d (8.6e18 ms). PatternsAcceptedByParsersTest checks labels and bounds against TimeUtils.
   * Left out on purpose, though TimeUtils reads them: micro- and nanoseconds (no interval here is finer than
   * a millisecond, and the job takes milliseconds), upper case (TimeUtils lower-cases; one spelling is
   * enough) and a bare number (TimeUtils reads milliseconds, where a reader might expect seconds).
   */
  public static final String DURATION_MILLIS_UNITS = "ms|milli|millis|millisecond|milliseconds";
  public static final String DURATION_SECONDS_UNITS = "s|sec|secs|second|seconds";
  public static final String DURATION_MINUTES_UNITS = "m|min|minute|minutes";
  public static final String DURATION_HOURS_UNITS = "h|hour|hours";
  public static final String DURATION_DAYS_UNITS = "d|day|days";
  public static final int DURATION_MILLIS_MAX_DIGITS = 18;
  public static final int DURATION_SECONDS_MAX_DIGITS = 15;
  public static final int DURATION_MINUTES_MAX_DIGITS = 14;
  public static final int DURATION_HOURS_MAX_DIGITS = 12;
  public static final int DURATION_DAYS_MAX_DIGITS = 11;

  /**
   * A duration as Flink writes it: {@code 500ms}, {@code 30s}, {@code 30 s}, {@code 10m} (minutes, as in
   * Flink), {@code 1min}, {@code 1 h}, {@code 2 days}; an amount, at most one space, a unit. Every string
   * it accepts is one {@code Durations} (Flink's {@code TimeUtils}) parses, to milliseconds that fit a long
   * (see the digit bounds above); the old grammar ({@code ^[0-9]{1,12}(ms|s|m|h)$}) is a subset, with the
   * same meaning. Before the bounds, the API server took {@code 9999999999999s}, which the operator then
   * refused.
   */
  public static final String DURATION = "^("
      + "[0-9]{1," + DURATION_MILLIS_MAX_DIGITS + "} ?(" + DURATION_MILLIS_UNITS + ")"
      + "|[0-9]{1," + DURATION_SECONDS_MAX_DIGITS + "} ?(" + DURATION_SECONDS_UNITS + ")"
      + "|[0-9]{1," + DURATION_MINUTES_MAX_DIGITS + "} ?(" + DURATION_MINUTES_UNITS + ")"
      + "|[0-9]{1," + DURATION_HOURS_MAX_DIGITS + "} ?(" + DURATION_HOURS_UNITS + ")"
      + "|[0-9]{1," + DURATION_DAYS_MAX_DIGITS + "} ?(" + DURATION_DAYS_UNITS + ")"
      + ")$";

  /**
   * A JobManager or TaskManager memory as the Flink Kubernetes Operator reads it ({@code FlinkMemory}):
   * {@code 2048m}, {@code 2g}, {@code 2G}, {@code 2GB} (Flink's units, all binary: {@code 2G} is 2 GiB),
   * {@code 2Gi}, {@code 2GiB} (Kubernetes'), or a byte count. Each unit bounds its digits so the byte
   * count fits a long: 18 plain, 15 with k, 12 with m, 9 with g, 6 with t. Whole amounts only: the
   * earlier pattern also took {@code 1.5Gi}, which the Flink operator's validator refuses
   * ({@code MemorySize.parse("1610612736.0")} fails), and any number of digits, which overflow.
   */
  public static final String MEMORY = "^([0-9]{1,18}|[0-9]{1,15}[kK]i?[bB]?|[0-9]{1,12}[mM]i?[bB]?"
      + "|[0-9]{1,9}[gG]i?[bB]?|[0-9]{1,6}[tT]i?[bB]?)$";

  /**
   * A byte count, plain or as a Kubernetes quantity: {@code 1073741824}, {@code 512Mi}, {@code 1Gi},
   * {@code 10G}; the grammar {@code ByteSizes} parses with this very pattern. Each unit bounds its
   * digits so that every accepted string fits a long (9.2e18 bytes): 18 plain digits, 15 with
   * k/Ki (at most 1.02e18), 12 with M/Mi, 9 with G/Gi, 6 with T/Ti (at most 1.1e18). Before, the
   * schema took {@code 99999999999999999999} and {@code 999999999999999Ti}, which overflow and
   * which the operator then refused.
   */
  public static final String BYTES =
      "^([0-9]{1,18}|[0-9]{1,15}(k|Ki)|[0-9]{1,12}(M|Mi)|[0-9]{1,9}(G|Gi)|[0-9]{1,6}(T|Ti))$";

  /**
   * {@code jdbc:mysql://<host>[:<port>]} and nothing else: the rule is {@link Endpoints}', shared
   * with the operator's validator and the job, so the schema cannot accept what they refuse.
   */
  public static final String STARROCKS_JDBC_URL = Endpoints.STARROCKS_JDBC_URL;

  /** A StarRocks FE HTTP address, {@code <host>:<port>} (see {@link Endpoints}). */
  public static final String STARROCKS_LOAD_ADDRESS = Endpoints.STARROCKS_LOAD_ADDRESS;

  /** A Postgres host: DNS name, IPv4 or IPv6 address (see {@link Endpoints}). */
  public static final String POSTGRES_HOST = Endpoints.POSTGRES_HOST;

  /** A Postgres database name the pipeline accepts (see {@link Endpoints}). */
  public static final String POSTGRES_DATABASE = Endpoints.POSTGRES_DATABASE;

  public static final int MAX_HOST_LENGTH = Endpoints.MAX_HOST_LENGTH;

  /**
   * The schema's maxLength of {@code jdbcUrl}: short enough that no URL it accepts has a host over
   * {@link #MAX_HOST_LENGTH}, which {@link Endpoints} refuses (its own bound, {@link
   * Endpoints#MAX_JDBC_URL_LENGTH}, the longest valid URL, let a 260-character host without a port
   * through the API server). RE2 has no look-ahead, so the pattern cannot bound the host itself;
   * the price is that a URL whose host has more than 247 characters and a 5-digit port, valid for
   * the operator, is refused by the API server, which says why at apply time.
   */
  public static final int MAX_JDBC_URL_LENGTH = 13 + MAX_HOST_LENGTH; // 13: jdbc:mysql:// (a constant, for annotations)

  /**
   * The schema's maxLength of each {@code loadUrls} entry: {@code <host>:<port>} with the shortest
   * port, so no accepted address has a host over {@link #MAX_HOST_LENGTH} (see {@link
   * #MAX_JDBC_URL_LENGTH} for why, and the price: hosts of 251-253 characters need a short port).
   */
  public static final int MAX_LOAD_ADDRESS_LENGTH = MAX_HOST_LENGTH + 2; // ":" and one digit

  private Patterns() {}
}
