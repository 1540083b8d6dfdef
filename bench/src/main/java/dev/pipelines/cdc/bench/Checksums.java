package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a table's checksum on both sides and waits until the sink equals the source. */
public final class Checksums {
  private Checksums() {}

  public static List<BigDecimal> source(PostgresServer pg, BenchTable table) throws SQLException {
    try (Connection c = pg.superuserConnection()) {
      return read(c, table.checksumSql(table.qualified()));
    }
  }

  public static List<BigDecimal> sink(StarRocksEmulator sr, BenchTable table, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + sr.host() + ":" + sr.mysqlPort() + "/",
        sr.user(), sr.password())) {
      return read(c, table.checksumSql("`" + database + "`.`" + table.name() + "`"));
    }
  }

  /**
   * Waits (up to {@code timeoutSeconds}) until the sink's checksum equals the source's; the run is
   * broken otherwise: a row was lost, duplicated or altered.
   */
  public static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, BenchTable table, String database,
      long timeoutSeconds) throws SQLException, InterruptedException {
    List<BigDecimal> expected = source(pg, table);
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    List<BigDecimal> actual = sink(sr, table, database);
    while (!actual.equals(expected)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(database + "." + table.name() + ": sink holds " + actual
            + " (count, sum id, sum v, text length) but Postgres " + expected);
      }
      Thread.sleep(500);
      actual = sink(sr, table, database);
    }
  }

  private static List<BigDecimal> read(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      List<BigDecimal> values = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        values.add(new BigDecimal(rs.getString(i)).stripTrailingZeros());
      }
      return values;
    }
  }
}
