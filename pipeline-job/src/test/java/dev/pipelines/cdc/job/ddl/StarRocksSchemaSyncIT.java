package dev.pipelines.cdc.job.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DDL is all or nothing, checked against the emulator's catalog (what a client of StarRocks sees). */
@ExtendWith(StarRocksEmulatorExtension.class)
class StarRocksSchemaSyncIT {

  @Test
  void aPlanWhoseThirdTableCannotTakeTheRowsCreatesNothing(StarRocksEmulator sr) throws Exception {
    String db = "sync_third_bad";
    try (Connection c = connect(sr)) {
      run(c, "CREATE DATABASE " + db);
      // An existing table keyed differently from the source: changes could not be applied by key.
      run(c, "CREATE TABLE " + db + ".payments (`ref` VARCHAR(32) NOT NULL, `id` BIGINT NULL)"
          + " PRIMARY KEY (`ref`) DISTRIBUTED BY HASH (`ref`)");
      List<TargetTable> plan = List.of(table(db, "orders"), table(db, "customers"), table(db, "payments"));

      assertThatThrownBy(() -> new StarRocksSchemaSync(c).apply(plan, true))
          .isInstanceOf(UnsupportedSchemaException.class)
          .hasMessageStartingWith("StarRocks is left unchanged (no table was created or altered): ")
          .hasMessageContaining("StarRocks table sync_third_bad.payments cannot take the source's rows")
          .hasMessageContaining("primary key is [ref], the source's is [id]");

      assertThat(tables(c, db)).containsExactly("payments");
      assertThat(columns(c, db, "payments")).containsExactly("ref", "id");
    }
  }

  @Test
  void aRefusedNameAnywhereCreatesNotEvenTheDatabase(StarRocksEmulator sr) throws Exception {
    String db = "sync_bad_name";
    List<TargetTable> plan = List.of(table(db, "orders"), table(db, "customers"),
        new TargetTable(db, "items", List.of(new TargetColumn("id", "BIGINT", false),
            new TargetColumn("Display Name", "VARCHAR(64)", true)), List.of("id")));
    try (Connection c = connect(sr)) {
      assertThatThrownBy(() -> new StarRocksSchemaSync(c).apply(plan, true))
          .hasMessageContaining("column 'Display Name' contains a space");

      assertThat(databases(c)).doesNotContain(db);
    }
  }

  @Test
  void everyMissingTableIsReportedWhenTheyMayNotBeCreated(StarRocksEmulator sr) throws Exception {
    String db = "sync_no_create";
    try (Connection c = connect(sr)) {
      run(c, "CREATE DATABASE " + db);
      assertThatThrownBy(() -> new StarRocksSchemaSync(c).apply(List.of(table(db, "a"), table(db, "b")), false))
          .hasMessageContaining("StarRocks table sync_no_create.a does not exist and createTables is false")
          .hasMessageContaining("StarRocks table sync_no_create.b does not exist and createTables is false");
    }
  }

  @Test
  void aValidPlanCreatesEveryTableAndEvolvesExistingOnesWithReservedWordNames(StarRocksEmulator sr) throws Exception {
    String db = "sync_valid";
    try (Connection c = connect(sr)) {
      run(c, "CREATE DATABASE " + db);
      run(c, "CREATE TABLE " + db + ".`order` (`id` BIGINT NOT NULL, `gone` INT NULL)"
          + " PRIMARY KEY (`id`) DISTRIBUTED BY HASH (`id`)");
      TargetTable order = new TargetTable(db, "order", List.of(new TargetColumn("id", "BIGINT", false),
          new TargetColumn("group", "VARCHAR(16)", true), new TargetColumn("key", "INT", true)), List.of("id"));
      new StarRocksSchemaSync(c).apply(List.of(table(db, "OrderItems"), order), true);

      assertThat(tables(c, db)).containsExactlyInAnyOrder("OrderItems", "order");
      assertThat(columns(c, db, "order")).containsExactly("id", "group", "key");
      // Idempotent: a second start finds everything in place and sends nothing that fails.
      new StarRocksSchemaSync(c).apply(List.of(table(db, "OrderItems"), order), true);
      assertThat(columns(c, db, "OrderItems")).containsExactly("id", "note");
    }
  }

  private static TargetTable table(String db, String name) {
    return new TargetTable(db, name, List.of(new TargetColumn("id", "BIGINT", false),
        new TargetColumn("note", "VARCHAR(64)", true)), List.of("id"));
  }

  private static Connection connect(StarRocksEmulator sr) throws SQLException {
    return DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static List<String> databases(Connection c) throws SQLException {
    return strings(c, "SHOW DATABASES");
  }

  private static List<String> tables(Connection c, String db) throws SQLException {
    return strings(c, "SHOW TABLES FROM " + db);
  }

  private static List<String> columns(Connection c, String db, String table) throws SQLException {
    return strings(c, "DESC " + db + ".`" + table + "`");
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
