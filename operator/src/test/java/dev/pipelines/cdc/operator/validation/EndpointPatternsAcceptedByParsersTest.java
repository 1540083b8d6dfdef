package dev.pipelines.cdc.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.names.StarRocksNames;
import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The endpoint and name fields: whatever the CRD's pattern and maxLength let through the API
 * server, the parsers the operator and the job use ({@link Endpoints}, {@link StarRocksNames})
 * accept. The examples are generated around every bound: host lengths next to 63 (a label) and
 * 253 (a name), ports next to 1 and 65535 and with leading zeros, trailing slashes, IPv4 and IPv6
 * forms. This is the check that found that a 260-character host without a port passed the old
 * jdbcUrl maxLength (see {@link Patterns#MAX_JDBC_URL_LENGTH}).
 */
class EndpointPatternsAcceptedByParsersTest {
  private static final List<Integer> HOST_LENGTHS =
      List.of(1, 2, 62, 63, 64, 65, 127, 128, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 259, 260, 261, 266, 267);
  private static final List<String> PORTS = List.of("", ":", ":0", ":1", ":09030", ":9030", ":65535", ":65536", ":99999");

  @Test
  void jdbcUrlsTheSchemaAcceptsAreParsed() {
    Pattern pattern = Pattern.compile(Patterns.STARROCKS_JDBC_URL);
    int accepted = 0;
    for (String host : hosts()) {
      for (String port : PORTS) {
        for (String slash : List.of("", "/", "//")) {
          String url = "jdbc:mysql://" + host + port + slash;
          if (pattern.matcher(url).matches() && url.length() <= Patterns.MAX_JDBC_URL_LENGTH) {
            accepted++;
            assertThatCode(() -> Endpoints.starRocksFrontend(url)).as("the schema accepts %s", url).doesNotThrowAnyException();
          }
        }
      }
    }
    assertThat(accepted).isGreaterThan(50);
    assertThat(Patterns.MAX_JDBC_URL_LENGTH).isEqualTo(Endpoints.JDBC_MYSQL_PREFIX.length() + Endpoints.MAX_HOST_LENGTH);
  }

  @Test
  void loadAddressesTheSchemaAcceptsAreParsed() {
    Pattern pattern = Pattern.compile(Patterns.STARROCKS_LOAD_ADDRESS);
    int accepted = 0;
    for (String host : hosts()) {
      for (String port : PORTS) {
        String address = host + port;
        if (pattern.matcher(address).matches() && address.length() <= Patterns.MAX_LOAD_ADDRESS_LENGTH) {
          accepted++;
          assertThatCode(() -> Endpoints.starRocksLoadAddress(address)).as("the schema accepts %s", address)
              .doesNotThrowAnyException();
        }
      }
    }
    assertThat(accepted).isGreaterThan(30);
  }

  @Test
  void postgresHostsAndDatabasesTheSchemaAcceptsAreParsed() {
    Pattern host = Pattern.compile(Patterns.POSTGRES_HOST);
    int accepted = 0;
    for (String h : hosts()) {
      if (!h.isEmpty() && h.length() <= Patterns.MAX_HOST_LENGTH && host.matcher(h).matches()) {
        accepted++;
        assertThatCode(() -> Endpoints.postgresServer(h, 5432)).as("the schema accepts host %s", h).doesNotThrowAnyException();
      }
    }
    assertThat(accepted).isGreaterThan(20);
    Pattern database = Pattern.compile(Patterns.POSTGRES_DATABASE);
    for (String name : names()) {
      if (database.matcher(name).matches()) {
        assertThatCode(() -> Endpoints.postgresDatabase(name)).as("the schema accepts database %s", name)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void starRocksNamesTheSchemaAcceptsAreValidStarRocksNames() {
    Pattern database = Pattern.compile(StarRocksNames.DATABASE_NAME_PATTERN);
    Pattern table = Pattern.compile(StarRocksNames.TABLE_NAME_PATTERN);
    int accepted = 0;
    for (String name : names()) {
      if (database.matcher(name).matches() && name.length() <= StarRocksNames.MAX_DATABASE_NAME) {
        accepted++;
        assertThat(StarRocksNames.databaseProblem(name)).as("sink database %s", name).isEmpty();
      }
      if (table.matcher(name).matches() && name.length() <= StarRocksNames.MAX_TABLE_NAME) {
        accepted++;
        assertThat(StarRocksNames.tableProblem(name)).as("route targetTable %s", name).isEmpty();
      }
    }
    assertThat(accepted).isGreaterThan(20);
  }

  /** DNS names of each length (labels of 63 and dots, some ending in a dot or hyphen), IPv4 and IPv6 forms. */
  private static List<String> hosts() {
    List<String> out = new ArrayList<>();
    for (int length : HOST_LENGTHS) {
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < length; i++) {
        name.append(i % 64 == 63 ? '.' : (char) ('a' + i % 26));
      }
      out.add(name.toString());
      out.add("x" + name.substring(1, name.length()) .replace('.', '-'));
      out.add(name.toString().toUpperCase(java.util.Locale.ROOT));
    }
    out.addAll(List.of("", "fe", "fe-1", "-fe", "fe-", "fe.", ".fe", "fe..svc", "fe_1", "10.0.0.1", "255.255.255.255",
        "256.0.0.1", "010.0.0.1", "1.2.3", "::1", "[::1]", "fe80::1", "2001:db8::1", "1:2:3:4:5:6:7:8"));
    return out;
  }

  /** Identifiers around the bounds: 1, 63, 64, 65, 256, 1024 and 1025 characters, leading digits and underscores. */
  private static List<String> names() {
    List<String> out = new ArrayList<>();
    for (int length : List.of(1, 2, 62, 63, 64, 65, 255, 256, 257, 1024, 1025)) {
      out.add("a".repeat(length));
      out.add("_" + "b".repeat(length - 1));
      out.add("C" + "9".repeat(length - 1));
      out.add("d" + "_-".repeat(length).substring(0, length - 1));
    }
    out.addAll(List.of("", "_", "__", "_1", "1a", "a b", "a.b", "shöp", "a-b", "A_b_9"));
    return out;
  }
}
