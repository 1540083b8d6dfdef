package dev.pipelines.cdc.operator.api.v1alpha1;

import dev.pipelines.cdc.config.endpoint.Endpoints;

/** Regular expressions shared by the CRD schema and the operator's own validation. */
public final class Patterns {
  /** Digits of a {@link #DURATION}'s amount. */
  public static final int DURATION_MAX_DIGITS = 12;

  /** A Kubernetes object name (RFC 1123 subdomain). */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A Postgres slot or publication name as the operator will accept it: lower-case letters,
   * digits and underscores, at most 63 bytes (Postgres' NAMEDATALEN - 1). Slot names may not
   * contain anything else; publications could, but one rule for both is easier to reason about.
   */
  public static final String PG_IDENTIFIER = "^[a-z_][a-z0-9_]{0,62}$";

  /**
   * A duration such as {@code 500ms}, {@code 5s}, {@code 10m} or {@code 1h}: the grammar {@code
   * Durations} parses with this very pattern (group 1 the amount, group 2 the unit). The amount is
   * bounded so that every string the schema accepts is a {@code java.time.Duration} whose
   * milliseconds fit a long: 12 digits of hours are 3.6e18 ms, below 9.2e18. Without the bound the
   * API server took {@code 9999999999999s}, which the operator then refused.
   */
  public static final String DURATION = "^([0-9]{1," + DURATION_MAX_DIGITS + "})(ms|s|m|h)$";

  /** A Kubernetes memory quantity or a Flink memory size, e.g. {@code 2048m}, {@code 2Gi}. */
  public static final String MEMORY = "^[0-9]+(\\.[0-9]+)?([kKmMgGtT]i?[bB]?)?$";

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
