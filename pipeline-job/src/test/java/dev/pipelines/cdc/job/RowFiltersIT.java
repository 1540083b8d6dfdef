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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row filters through snapshot and stream on a real PostgreSQL 17: StarRocks holds exactly the rows the
 * filter holds for, compared row by row with {@code SELECT ... WHERE filter}; an UPDATE that moves a row
 * out of the filter deletes it in StarRocks, one that moves it in inserts it; a changed filter reaches
 * the publication at the next start; a filter that is more than an expression, or that PostgreSQL
 * refuses, stops the job before anything runs.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class RowFiltersIT {
  private static final String SCHEMA = "crm_filters";
  private static final String ORDERS_FILTER = "status <> 'cancelled' AND region IN ('eu', 'us')";
  private static final String CUSTOMERS_FILTER = "id % 3 <> 0";

  @TempDir
  Path checkpoints;

  @Test
  void onlyRowsTheFilterHoldsForArriveAndRowsMovingInAndOutOfItAreInsertedAndDeleted(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".orders (id bigint PRIMARY KEY, region text, status text, amount numeric(12,2))",
        // The filter uses columns outside the key: PostgreSQL needs them in the replica identity.
        "ALTER TABLE " + SCHEMA + ".orders REPLICA IDENTITY FULL",
        "CREATE TABLE " + SCHEMA + ".customers (id bigint PRIMARY KEY, name text)",
        "INSERT INTO " + SCHEMA + ".orders SELECT g, (ARRAY['eu','us','ap',NULL])[1 + g % 4],"
            + " (ARRAY['new','paid','cancelled'])[1 + g % 3], g * 1.5 FROM generate_series(1, 3000) g",
        "INSERT INTO " + SCHEMA + ".customers SELECT g, 'c' || g FROM generate_series(1, 900) g",
        "DROP PUBLICATION IF EXISTS " + SCHEMA + "_pub",
        "GRANT CREATE ON DATABASE " + PostgresServer.DATABASE + " TO " + PostgresServer.CDC_USER,
        "ALTER TABLE " + SCHEMA + ".orders OWNER TO " + PostgresServer.CDC_USER,
        "ALTER TABLE " + SCHEMA + ".customers OWNER TO " + PostgresServer.CDC_USER,
        "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + PostgresServer.CDC_USER);

    try (RunningPipeline job = RunningPipeline.start(config(pg, sr, ORDERS_FILTER), PipelineJobIT.credentials(sr),
        checkpoints, 2, Optional.empty())) {
      awaitEqual(pg, sr, ORDERS_FILTER);
      // As PostgreSQL renders the publication's row filters.
      assertThat(rowFilters(pg)).containsExactly("customers: ((id % (3)::bigint) <> 0)",
          "orders: ((status <> 'cancelled'::text) AND (region = ANY (ARRAY['eu'::text, 'us'::text])))");
      pg.superuserSql().execute(
          // Out of the filter: deleted in StarRocks.
          "UPDATE " + SCHEMA + ".orders SET status = 'cancelled' WHERE id % 5 = 0 AND status <> 'cancelled'",
          "UPDATE " + SCHEMA + ".orders SET region = 'ap' WHERE id % 7 = 0 AND region = 'eu'",
          // Into it: inserted, whole.
          "UPDATE " + SCHEMA + ".orders SET status = 'paid' WHERE id % 11 = 0 AND status = 'cancelled'",
          "UPDATE " + SCHEMA + ".orders SET region = 'us' WHERE id % 13 = 0 AND region IS NULL",
          // Inside it throughout, and outside it throughout.
          "UPDATE " + SCHEMA + ".orders SET amount = amount + 1 WHERE id % 17 = 0",
          "INSERT INTO " + SCHEMA + ".orders SELECT g, (ARRAY['eu','ap'])[1 + g % 2], 'new', 1 FROM generate_series(5001, 5100) g",
          "DELETE FROM " + SCHEMA + ".orders WHERE id % 19 = 0",
          "INSERT INTO " + SCHEMA + ".customers SELECT g, 'n' || g FROM generate_series(1001, 1100) g",
          "UPDATE " + SCHEMA + ".customers SET name = 'renamed' WHERE id % 4 = 0",
          "DELETE FROM " + SCHEMA + ".customers WHERE id % 10 = 0");
      awaitEqual(pg, sr, ORDERS_FILTER);
      Optional<Path> seen = job.latestCheckpoint();
      await().atMost(Duration.ofSeconds(60)).until(() -> !job.latestCheckpoint().equals(seen));
    }

    // A changed filter on a running pipeline: the next start puts it into the publication, and changes from then on
    // follow it; rows already in StarRocks are not read again (Known issues).
    String euOnly = "region = 'eu'";
    try (RunningPipeline job = RunningPipeline.start(config(pg, sr, euOnly), PipelineJobIT.credentials(sr), checkpoints,
        2, Optional.of(RunningPipeline.latestCheckpoint(checkpoints)))) {
      assertThat(rowFilters(pg)).contains("orders: (region = 'eu'::text)");
      pg.superuserSql().execute(
          "INSERT INTO " + SCHEMA + ".orders VALUES (9001, 'eu', 'cancelled', 1), (9002, 'us', 'new', 1)");
      await().atMost(Duration.ofSeconds(60)).until(() -> ids(sr, "SELECT id FROM " + SCHEMA + ".orders WHERE id > 9000")
          .contains(9001L));
      assertThat(ids(sr, "SELECT id FROM " + SCHEMA + ".orders WHERE id > 9000")).containsExactly(9001L);
    }
  }

  @Test
  void aFilterThatIsMoreThanAnExpressionOrThatPostgresRefusesStopsTheJobBeforeAnythingRuns(PostgresServer pg,
      StarRocksEmulator sr) throws Exception {
    String schema = "crm_filters_bad";
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".victims (id bigint PRIMARY KEY, name text)",
        "INSERT INTO " + schema + ".victims VALUES (1, 'still here')",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);

    for (String injection : List.of("id = 1; DROP TABLE " + schema + ".victims",
        "true) OR (SELECT count(*) FROM pg_authid) > 0 OR (true",
        "id > 0 -- the rest", "name = E'\\'' ; DROP TABLE " + schema + ".victims; --'")) {
      assertThatThrownBy(() -> RunningPipeline.start(badConfig(pg, sr, schema, injection), PipelineJobIT.credentials(sr),
          checkpoints, 1, Optional.empty()))
          .as(injection).hasMessageStartingWith("the pipeline cannot start: spec.transforms[0].filter ");
    }
    assertThatThrownBy(() -> RunningPipeline.start(badConfig(pg, sr, schema, "nmae = 'x'"), PipelineJobIT.credentials(sr),
        checkpoints, 1, Optional.empty()))
        .hasMessageContaining("spec.transforms[0].filter on table " + schema + ".victims: PostgreSQL refuses it: ERROR:"
            + " column \"nmae\" does not exist");
    assertThatThrownBy(() -> RunningPipeline.start(badConfig(pg, sr, schema, "name <> 'x'"), PipelineJobIT.credentials(sr),
        checkpoints, 1, Optional.empty()))
        .hasMessageContaining("uses 'name', outside its replica identity (id)");
    try (Connection p = pg.superuserConnection()) {
      assertThat(Rows.strings(p, "SELECT name FROM " + schema + ".victims")).containsExactly("still here");
    }
    assertThat(pg.replicationSlots()).noneMatch(slot -> slot.name().equals(schema + "_slot"));
  }

  private static void awaitEqual(PostgresServer pg, StarRocksEmulator sr, String ordersFilter) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (Connection p = pg.superuserConnection();
          Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password())) {
        Rows.assertEqual(p, SCHEMA + ".orders WHERE " + ordersFilter, s, SCHEMA + ".orders", List.of(
            new Column("id", Kind.NUMBER), new Column("region", Kind.TEXT), new Column("status", Kind.TEXT),
            new Column("amount", Kind.NUMBER)), 1);
        Rows.assertEqual(p, SCHEMA + ".customers WHERE " + CUSTOMERS_FILTER, s, SCHEMA + ".customers",
            List.of(new Column("id", Kind.NUMBER), new Column("name", Kind.TEXT)), 1);
      }
    });
  }


  private static PipelineConfig config(PostgresServer pg, StarRocksEmulator sr, String ordersFilter) {
    return PipelineConfig.of(new PipelineId("it", "crm-filters"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(SCHEMA + "\\..*"), List.of(),
            SCHEMA + "_slot", SCHEMA + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), SCHEMA, List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()),
        List.of(new TableTransform(List.of(SCHEMA + ".orders"), ColumnTransform.NONE, ordersFilter),
            new TableTransform(List.of(SCHEMA + ".customers"), ColumnTransform.NONE, CUSTOMERS_FILTER)));
  }

  private static PipelineConfig badConfig(PostgresServer pg, StarRocksEmulator sr, String schema, String filter) {
    return PipelineConfig.of(new PipelineId("it", "crm-filters-bad"),
        new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE, List.of(schema + "\\..*"), List.of(),
            schema + "_slot", schema + "_pub", StartupMode.INITIAL, 500),
        new StarRocksSinkConfig(sr.jdbcUrl(), List.of(sr.loadUrl()), schema, List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()),
        List.of(new TableTransform(List.of(schema + ".victims"), ColumnTransform.NONE, filter)));
  }

  private static List<String> rowFilters(PostgresServer pg) throws Exception {
    try (Connection p = pg.superuserConnection()) {
      return Rows.strings(p, "SELECT tablename || ': ' || rowfilter FROM pg_publication_tables WHERE pubname = '" + SCHEMA
          + "_pub' ORDER BY tablename");
    }
  }

  private static List<Long> ids(StarRocksEmulator sr, String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection s = DriverManager.getConnection(sr.jdbcUrl(), sr.user(), sr.password());
        Statement st = s.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

}
