package dev.pipelines.cdc.config.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointsTest {
  /** What a user could append to smuggle driver options, credentials or a second statement in. */
  static final List<String> HOSTILE_SUFFIXES = List.of(
      "?allowLoadLocalInfile=true", "/?allowUrlInLocalInfile=true&allowLoadLocalInfile=true",
      "/shop?autoDeserialize=true&queryInterceptors=x.Y", "/", "/shop", "#frag", ";sslmode=disable",
      "&autoDeserialize=true", " ", " extra", "\n", "\nallowLoadLocalInfile=true", "\t", "%0a", "@evil",
      "\\", "'", "\"", ",other:9030", "(", "=");

  static Stream<Arguments> hostileJdbcUrls() {
    return Stream.concat(
        HOSTILE_SUFFIXES.stream().filter(s -> !s.equals("/")).map(s -> "jdbc:mysql://fe:9030" + s),
        Stream.of("jdbc:mysql://user:pw@fe:9030", "jdbc:mysql://admin:1234@fe:9030", "jdbc:mysql://@fe:9030",
            "jdbc:mysql://fe:9030//", "jdbc:mysql://fe,fe2:9030", "jdbc:mysql://address=(host=fe)(port=9030)",
            "jdbc:mysql:loadbalance://fe:9030", "jdbc:mysql+srv://fe", "JDBC:MYSQL://fe:9030", " jdbc:mysql://fe:9030",
            "jdbc:mysql://fe :9030", "jdbc:mysql://fe: 9030", "jdbc:mysql://fe:0", "jdbc:mysql://fe:65536",
            "jdbc:mysql://fe:", "jdbc:mysql://", "jdbc:mysql:///", "jdbc:mysql://[::1]:9030", "jdbc:mysql://-fe:9030",
            "jdbc:mysql://fe..x:9030", "jdbc:mysql://fe_1:9030", "jdbc:mariadb://fe:9030", "http://fe:9030", ""))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileJdbcUrls")
  void jdbcUrlWithAnythingButHostAndPortIsRefusedByParserAndPattern(String url) {
    assertThatThrownBy(() -> Endpoints.starRocksFrontend(url)).isInstanceOf(InvalidEndpointException.class);
    assertThat(Pattern.matches(Endpoints.STARROCKS_JDBC_URL, url)).as("CRD pattern").isFalse();
  }

  @Test
  void jdbcUrlMessagesNameTheCharacterAndTheFix() {
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://fe:9030/?allowLoadLocalInfile=true"))
        .hasMessageContaining("contains '/' at position 21")
        .hasMessageContaining("no parameters, user, path or fragment")
        .hasMessageEndingWith("write it as jdbc:mysql://fe:9030");
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://fe:9030\nx"))
        .hasMessageContaining("'jdbc:mysql://fe:9030\\nx' contains a line break");
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://admin:1234@fe:9030"))
        .hasMessageContaining("contains '@'").hasMessageNotContaining("write it as");
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://[::1]:9030"))
        .hasMessageContaining("IPv6").hasMessageContaining("Connector/J 5.1");
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://fe:99999"))
        .hasMessageContaining("port '99999' must be a TCP port (1-65535)");
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("mysql://fe:9030"))
        .hasMessageContaining("must be jdbc:mysql://<host>[:<port>], the MySQL port of a StarRocks FE");
  }

  static Stream<Arguments> validJdbcUrls() {
    return Stream.of(
        Arguments.of("jdbc:mysql://starrocks-fe:9030", new HostPort("starrocks-fe", 9030)),
        Arguments.of("jdbc:mysql://starrocks-fe:9030/", new HostPort("starrocks-fe", 9030)),
        Arguments.of("jdbc:mysql://starrocks-fe.analytics.svc.cluster.local:9030",
            new HostPort("starrocks-fe.analytics.svc.cluster.local", 9030)),
        Arguments.of("jdbc:mysql://127.0.0.1:1", new HostPort("127.0.0.1", 1)),
        Arguments.of("jdbc:mysql://FE-0.Example.COM:65535", new HostPort("FE-0.Example.COM", 65535)),
        Arguments.of("jdbc:mysql://fe", new HostPort("fe", Endpoints.MYSQL_DEFAULT_PORT)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validJdbcUrls")
  void jdbcUrlOfHostAndPortIsParsed(String url, HostPort expected) {
    assertThat(Endpoints.starRocksFrontend(url)).isEqualTo(expected);
    assertThat(Pattern.matches(Endpoints.STARROCKS_JDBC_URL, url)).as("CRD pattern").isTrue();
  }

  static Stream<Arguments> hostileLoadAddresses() {
    return Stream.concat(HOSTILE_SUFFIXES.stream().map(s -> "fe:8030" + s),
        Stream.of("http://fe:8030", "https://fe:8030", "fe", "fe:", ":8030", "user@fe:8030", "fe:8030:1",
            "[::1]:8030", "fe:0", "fe:70000", "fe;fe2:8030", "fe:80 30", "")).map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileLoadAddresses")
  void loadAddressOtherThanHostPortIsRefusedByParserAndPattern(String address) {
    assertThatThrownBy(() -> Endpoints.starRocksLoadAddress(address)).isInstanceOf(InvalidEndpointException.class);
    assertThat(Pattern.matches(Endpoints.STARROCKS_LOAD_ADDRESS, address)).as("CRD pattern").isFalse();
  }

  @Test
  void loadAddressIsParsedAndItsMessagesSayHostPort() {
    assertThat(Endpoints.starRocksLoadAddress("fe-0.sr.svc:8030")).isEqualTo(new HostPort("fe-0.sr.svc", 8030));
    assertThat(Endpoints.starRocksLoadAddress("10.0.0.7:8040")).isEqualTo(new HostPort("10.0.0.7", 8040));
    assertThat(Pattern.matches(Endpoints.STARROCKS_LOAD_ADDRESS, "fe-0.sr.svc:8030")).isTrue();
    assertThatThrownBy(() -> Endpoints.starRocksLoadAddress("starrocks-fe"))
        .hasMessage("'starrocks-fe' must be host:port, e.g. starrocks-fe:8030 (the FE's http_port)");
    assertThatThrownBy(() -> Endpoints.starRocksLoadAddress("http://fe:8030"))
        .hasMessageContaining("must be host:port").hasMessageContaining("contains '/' at position 6");
    assertThatThrownBy(() -> Endpoints.starRocksLoadAddress("fe:8030/api?x=1"))
        .hasMessageEndingWith("write it as fe:8030");
  }

  static Stream<Arguments> hostilePostgresHosts() {
    return Stream.concat(HOSTILE_SUFFIXES.stream().map(s -> "pg.data.svc" + s),
        Stream.of("pg:5432", "pg.data.svc:5432/shop", "pg/shop?sslfactory=x.Y", "user@pg", "pg,pg2", "[::1]",
            "::1%eth0", "1:2:3:4:5:6:7:8:9", "-pg", "pg-", "pg..svc", "pg_1", "a".repeat(64),
            ("a".repeat(63) + ".").repeat(4) + "a", "", " ")).map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostilePostgresHosts")
  void postgresHostOtherThanNameOrAddressIsRefusedByParserAndPattern(String host) {
    assertThatThrownBy(() -> Endpoints.postgresServer(host, 5432)).isInstanceOf(InvalidEndpointException.class);
    boolean crd = host.length() <= Endpoints.MAX_HOST_LENGTH && Pattern.matches(Endpoints.POSTGRES_HOST, host);
    assertThat(crd).as("CRD pattern and maxLength").isFalse();
  }

  @Test
  void postgresHostMessageNamesTheCharacter() {
    assertThatThrownBy(() -> Endpoints.postgresServer("pg:5432/shop?x=1", 5432))
        .hasMessageStartingWith("'pg:5432/shop?x=1' contains '/' at position 8 and must be a DNS name (RFC 1123");
    assertThatThrownBy(() -> Endpoints.postgresServer("pg", 0)).hasMessage("0 is not a TCP port (1-65535)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validHosts")
  void postgresHostAcceptsNamesAndAddresses(String host) {
    assertThat(Endpoints.postgresServer(host, 5432)).isEqualTo(new HostPort(host, 5432));
    assertThat(Pattern.matches(Endpoints.POSTGRES_HOST, host)).isTrue();
  }

  static Stream<String> validHosts() {
    return Stream.of("postgres", "postgres.data.svc.cluster.local", "PG-1.example.com", "127.0.0.1", "10.1.2.3", "::1",
        "fe80::1", "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::",
        "a".repeat(63), ("a".repeat(63) + ".").repeat(3) + "a".repeat(61));
  }

  @Test
  void ipv6HostIsBracketedInAuthorities() {
    assertThat(new HostPort("::1", 5432).authority()).isEqualTo("[::1]:5432");
    assertThat(new HostPort("pg", 5432).authority()).isEqualTo("pg:5432");
  }

  static Stream<Arguments> hostileDatabases() {
    return Stream.concat(HOSTILE_SUFFIXES.stream().map(s -> "shop" + s),
        Stream.of("shop?user=postgres", "shop&ssl=false", "1shop", "-shop", "shop.public", "shöp", "a".repeat(64),
            "", " ")).map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileDatabases")
  void postgresDatabaseOtherThanAnIdentifierIsRefusedByParserAndPattern(String database) {
    assertThatThrownBy(() -> Endpoints.postgresDatabase(database)).isInstanceOf(InvalidEndpointException.class);
    assertThat(Pattern.matches(Endpoints.POSTGRES_DATABASE, database)).as("CRD pattern").isFalse();
  }

  @Test
  void postgresDatabaseAcceptsIdentifiersUpTo63Bytes() {
    for (String db : List.of("shop", "Shop_2", "_x", "my-db", "a".repeat(63))) {
      assertThat(Endpoints.postgresDatabase(db)).isEqualTo(db);
      assertThat(Pattern.matches(Endpoints.POSTGRES_DATABASE, db)).isTrue();
    }
    assertThatThrownBy(() -> Endpoints.postgresDatabase("shop?x"))
        .hasMessage("'shop?x' must be 1-63 ASCII letters, digits, '_' or '-', starting with a letter or '_' (the"
            + " pipeline accepts no other database names, so none can carry connection parameters)");
  }

  /** Messages reach status conditions and logs: a password written into a URL must not. */
  @Test
  void userInformationIsRedactedFromMessages() {
    assertThatThrownBy(() -> Endpoints.starRocksFrontend("jdbc:mysql://root:s3cret@fe:9030"))
        .hasMessageStartingWith("'jdbc:mysql://<redacted>@fe:9030' contains '@'").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> Endpoints.starRocksLoadAddress("loader:s3cret@fe:8030"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> Endpoints.postgresServer("cdc:s3cret@pg", 5432)).hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> Endpoints.postgresDatabase("shop@x")).hasMessageNotContaining("shop@");
  }

  @Test
  void maximumLengthsAreThoseOfTheLongestValidValues() {
    String longestHost = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    String longestUrl = "jdbc:mysql://" + longestHost + ":65535/";
    assertThat(longestHost).hasSize(Endpoints.MAX_HOST_LENGTH);
    assertThat(longestUrl).hasSize(Endpoints.MAX_JDBC_URL_LENGTH);
    assertThat(Endpoints.starRocksFrontend(longestUrl).port()).isEqualTo(65535);
    assertThat(Endpoints.starRocksLoadAddress(longestHost + ":65535").host()).isEqualTo(longestHost);
    assertThat((longestHost + ":65535").length()).isEqualTo(Endpoints.MAX_LOAD_ADDRESS_LENGTH);
  }

  @Test
  void hostPortRefusesUncheckedHosts() {
    Function<String, HostPort> make = h -> new HostPort(h, 1);
    assertThatThrownBy(() -> make.apply("fe/?x=1")).isInstanceOf(InvalidEndpointException.class);
    assertThatThrownBy(() -> new HostPort("fe", 0)).isInstanceOf(InvalidEndpointException.class);
  }
}
