package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column transforms through snapshot and stream on a real PostgreSQL: a CRM schema whose column names
 * StarRocks refuses ("Full Name", "e-mail") is written under renamed columns, its personal data (an SSN,
 * a card number) left out, and StarRocks compared row by row with what the transform should yield.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class ColumnTransformsIT {
  private static final String SCHEMA = "crm_transforms";
  private static final String DB = "crm_transforms";
  /** A column name that would end the statement if it reached SQL unquoted. */
  private static final String HOSTILE = "note\"); DROP TABLE " + SCHEMA + ".customers; --";
  private static final String HOSTILE_SQL = "\"" + HOSTILE.replace("\"", "\"\"") + "\"";

  @TempDir
  Path checkpoints;

  @Test
  void excludedColumnsNeverArriveAndRenamedOnesArriveUnderTheirNewNames(PostgresServer pg, StarRocksEmulator sr)
      throws Exception {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        // "Profile Text" is large and incompressible (out of line, TOAST) in every tenth row: an UPDATE that leaves it
        // alone does not carry it, and the job reads it back by key, by its PostgreSQL name, and writes it under its
        // StarRocks one. The orders' last column has a hostile name: it reaches SQL quoted only (select list,
        // publication column list, read-back).
        "CREATE TABLE " + SCHEMA + ".customers (id bigint PRIMARY KEY, \"Full Name\" text, \"e-mail\" varchar(320),"
            + " ssn char(11), \"Profile Text\" text, created_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE " + SCHEMA + ".orders (id bigint, region text, customer_id bigint, amount numeric(12,2),"
            + " card_number text, status text, " + HOSTILE_SQL + " text, PRIMARY KEY (region, id))",
        "INSERT INTO " + SCHEMA + ".customers (id, \"Full Name\", \"e-mail\", ssn, \"Profile Text\", created_at)"
            + " SELECT g, CASE WHEN g % 97 = 0 THEN NULL ELSE 'Name ' || g || ' Ünïcödé \"q\" ''s' END,"
            + " 'user' || g || '@example.com', lpad(g::text, 3, '0') || '-12-3456',"
            + " CASE WHEN g % 10 = 0 THEN (SELECT string_agg(md5(g::text || '/' || i), '') FROM generate_series(1, 300) i)"
            + " ELSE 'short ' || g END,"
            + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(1, 1500) g",
        "INSERT INTO " + SCHEMA + ".orders SELECT g, (ARRAY['eu','us','ap'])[1 + g % 3], 1 + g % 1500,"
            + " CASE WHEN g % 50 = 0 THEN 9999999999.99 WHEN g % 51 = 0 THEN -9999999999.99 ELSE g * 1.25 END,"
            + " '4111 1111 1111 ' || lpad((g % 10000)::text, 4, '0'), 'new', 'note ' || g FROM generate_series(1, 3000) g",
        "DROP PUBLICATION IF EXISTS " + SCHEMA + "_pub",
        // The job creates the publication: the CDC user owns the tables and may create in the database.
        "GRANT CREATE ON DATABASE " + PostgresServer.DATABASE + " TO " + PostgresServer.CDC_USER,
        "ALTER TABLE " + SCHEMA + ".customers OWNER TO " + PostgresServer.CDC_USER,
        "ALTER TABLE " + SCHEMA + ".orders OWNER TO " + PostgresServer.CDC_USER,
        "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER);
    PipelineConfig config = config(pg, sr, List.of(
        new TableTransform(List.of(SCHEMA + ".customers"), new ColumnTransform(List.of(), List.of("ssn"), List.of(
            new ColumnRename("Full Name", "full_name"), new ColumnRename("e-mail", "email"),
            new ColumnRename("Profile Text", "profile")))),
        new TableTransform(List.of(SCHEMA + "\\.ord.*"), new ColumnTransform(
            List.of("id", "region", "customer_id", "amount", "status", HOSTILE), List.of(),
            List.of(new ColumnRename(HOSTILE, "note"))))));

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty())) {
      awaitEqual(pg, sr);
      // Left-out columns are not even published (PostgreSQL 15+ column lists): their values stay in Postgres.
      assertThat(publishedColumns(pg)).containsExactly(
          SCHEMA + ".customers: {id,\"Full Name\",e-mail,\"Profile Text\",created_at}",
          SCHEMA + ".orders: {id,region,customer_id,amount,status,\"note\\\"); DROP TABLE crm_transforms.customers; --\"}");
      pg.superuserSql().execute(
          // Kept columns change; the TOAST value stays (read back by key under its new name).
          "UPDATE " + SCHEMA + ".customers SET \"Full Name\" = 'Renamed ' || id, \"e-mail\" = NULL WHERE id % 7 = 0",
          // Only an excluded column changes: the row is written again with the same kept values.
          "UPDATE " + SCHEMA + ".customers SET ssn = '000-00-0000' WHERE id % 11 = 0",
          "DELETE FROM " + SCHEMA + ".customers WHERE id % 13 = 0",
          "INSERT INTO " + SCHEMA + ".customers (id, \"Full Name\", \"e-mail\", ssn, \"Profile Text\") SELECT g, 'New ' || g,"
              + " NULL, '999-99-9999', repeat('x', 5000) FROM generate_series(2001, 2100) g",
          "UPDATE " + SCHEMA + ".orders SET status = 'paid', card_number = 'redacted' WHERE id % 5 = 0",
          "DELETE FROM " + SCHEMA + ".orders WHERE id % 9 = 0 AND region = 'eu'",
          "INSERT INTO " + SCHEMA + ".orders SELECT g, 'us', 1, 0.01, '5500 0000 0000 0004', 'new', 'x'"
              + " FROM generate_series(5001, 5200) g");
      awaitEqual(pg, sr);
    }
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
      assertThat(Rows.strings(s, "SHOW COLUMNS FROM " + DB + ".customers"))
          .containsExactly("id", "full_name", "email", "profile", "created_at");
      assertThat(Rows.strings(s, "SHOW COLUMNS FROM " + DB + ".orders"))
          .containsExactly("region", "id", "customer_id", "amount", "status", "note");
    }
  }

  @Test
  void aTransformThatDoesNotFitTheTablesStopsTheJobBeforeAnyDdlNamingEveryProblem(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "crm_transforms_bad";
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customers (id bigint PRIMARY KEY, \"Full Name\" text, ssn text)",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    PipelineConfig config = PipelineConfig.of(new PipelineId("it", "crm-transforms-bad"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), "crm_transforms_bad", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()),
        List.of(new TableTransform(List.of(schema + ".customers"), new ColumnTransform(List.of(), List.of("id", "SSN",
            "ssn\"); DROP TABLE " + schema + ".customers; --"), List.of()))));

    assertThatThrownBy(() -> RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 1, Optional.empty()))
        .hasMessageStartingWith("the pipeline cannot start: ")
        .hasMessageContaining("spec.transforms[0]: table " + schema + ".customers has no column 'SSN' (columns.exclude)")
        .hasMessageContaining("column 'id' of table " + schema + ".customers is part of its primary key")
        .hasMessageContaining("column 'Full Name' contains a space");
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
      assertThat(Rows.strings(s, "SHOW DATABASES")).doesNotContain("crm_transforms_bad");
    }
  }

  private static void awaitEqual(PostgresServer pg, StarRocksEmulator sr) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (Connection p = pg.superuserConnection();
          Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
        Rows.assertEqual(p, SCHEMA + ".customers", s, DB + ".customers", List.of(new Column("id", Kind.NUMBER),
            new Column("Full Name", Kind.TEXT, "full_name"), new Column("e-mail", Kind.TEXT, "email"),
            new Column("Profile Text", Kind.TEXT, "profile"), new Column("created_at", Kind.UTC_DATETIME)), 1);
        Rows.assertEqual(p, SCHEMA + ".orders", s, DB + ".orders", List.of(new Column("region", Kind.TEXT),
            new Column("id", Kind.NUMBER), new Column("customer_id", Kind.NUMBER), new Column("amount", Kind.NUMBER),
            new Column("status", Kind.TEXT), new Column(HOSTILE, Kind.TEXT, "note")), 2);
      }
    });
  }


  private static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, List<TableTransform> transforms) {
    return PipelineConfig.of(new PipelineId("it", "crm-transforms"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(SCHEMA + "\\..*"), List.of(),
            SCHEMA + "_slot", SCHEMA + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), DB, List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()),
        transforms);
  }

  private static List<String> publishedColumns(PostgresServer pg) throws Exception {
    try (Connection p = pg.superuserConnection()) {
      return Rows.strings(p, "SELECT schemaname || '.' || tablename || ': ' || attnames::text FROM pg_publication_tables"
          + " WHERE pubname = '" + SCHEMA + "_pub' ORDER BY tablename");
    }
  }

}
