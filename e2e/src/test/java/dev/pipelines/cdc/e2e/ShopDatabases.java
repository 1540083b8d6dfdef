package dev.pipelines.cdc.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's Postgres (as the tables' owner) and StarRocks (as the pipeline's loader user),
 * reached from the host through kind's port mappings.
 */
final class ShopDatabases {
  /** Primary keys of the shop tables, for reading both sides in the same order. */
  static final Map<String, List<String>> KEYS = Map.of(
      "orders", List.of("id"),
      "order_items", List.of("order_id", "line_no"),
      "customers", List.of("id"));

  record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[" + username + ", password hidden]";
    }
  }

  private final String postgresUrl;
  private final Credentials postgres;
  private final String starrocksUrl;
  private final Credentials starrocks;

  ShopDatabases(int postgresPort, Credentials postgres, int starrocksPort, Credentials starrocks) {
    this.postgresUrl = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/shop?connectTimeout=10&socketTimeout=60";
    this.postgres = postgres;
    // No database in the URL: `shop` exists in StarRocks only once kind-up.sh or the job made it.
    this.starrocksUrl = "jdbc:mysql://127.0.0.1:" + starrocksPort
        + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=10000&socketTimeout=60000";
    this.starrocks = starrocks;
  }

  Connection postgres() throws SQLException {
    return DriverManager.getConnection(postgresUrl, postgres.username(), postgres.password());
  }

  Connection starrocks() throws SQLException {
    return DriverManager.getConnection(starrocksUrl, starrocks.username(), starrocks.password());
  }

  /** Every difference between public.{@code table} in Postgres and shop.{@code table} in StarRocks. */
  List<String> differences(String table) throws SQLException {
    List<String> key = KEYS.get(table);
    TableContent source;
    TableContent target;
    try (Connection pg = postgres(); Connection sr = starrocks()) {
      source = TableContent.read(pg, "public." + table, key);
      target = TableContent.read(sr, "shop." + table, key);
    }
    return TableDiff.between(source, target);
  }

  /** Runs the statements in one Postgres transaction. */
  void inOneTransaction(String... statements) throws SQLException {
    try (Connection pg = postgres()) {
      pg.setAutoCommit(false);
      try (Statement st = pg.createStatement()) {
        for (String sql : statements) {
          st.execute(sql);
        }
      }
      pg.commit();
    }
  }

  /** Runs each statement in its own Postgres transaction. */
  void oneByOne(String... statements) throws SQLException {
    for (String sql : statements) {
      inOneTransaction(sql);
    }
  }

  long nextId(String table) throws SQLException {
    return queryLong("SELECT coalesce(max(id), 0) + 1 FROM public." + table);
  }

  /** The slot's {@code active} flag, or empty when there is no such slot. */
  Optional<Boolean> slotActive(String slot) throws SQLException {
    try (Connection pg = postgres();
        PreparedStatement st = pg.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, slot);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
      }
    }
  }

  boolean publicationExists(String publication) throws SQLException {
    return queryLong("SELECT count(*) FROM pg_publication WHERE pubname = '" + publication + "'") > 0;
  }

  boolean publishes(String publication, String table) throws SQLException {
    return queryLong("SELECT count(*) FROM pg_publication_tables WHERE pubname = '" + publication
        + "' AND schemaname || '.' || tablename = '" + table + "'") > 0;
  }

  /** Whether StarRocks has the row of shop.{@code table} with this id. */
  boolean starrocksHasRow(String table, long id) throws SQLException {
    try (Connection sr = starrocks();
        PreparedStatement st = sr.prepareStatement("SELECT count(*) FROM shop." + table + " WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private long queryLong(String sql) throws SQLException {
    try (Connection pg = postgres(); Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
