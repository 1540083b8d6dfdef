package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.database.JdbcPostgres;
import dev.pipelines.cdc.operator.database.PostgresTarget;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.database.SourceSelection;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * deploy/kind's Postgres setup — the init script of the postgres-config ConfigMap and
 * postgres-publication.sql — run on a real PostgreSQL 17, then the operator's own preflight as
 * the pipeline's CDC role: it passes, with no warning. So the kind cluster's Postgres satisfies
 * every check before a cluster is ever started.
 */
@ExtendWith(PostgresExtension.class)
class KindPostgresSetupIT {
  private static final String DATABASE = "shop";
  /** test-support's server already has a cdc_reader role; the script makes its own under this name. */
  private static final String CDC_ROLE = "kind_cdc_reader";

  private static KindManifests manifests;
  private static CdcPipeline pipeline;
  private static String cdcPassword;

  @BeforeAll
  static void setUp(PostgresServer server) throws IOException, SQLException {
    manifests = KindManifests.load(RepoPaths.locate().kindManifests());
    pipeline = manifests.ofType(CdcPipeline.class).get(0);
    cdcPassword = manifests.secretValues("data", pipeline.getSpec().source().postgres().credentialsSecret().name())
        .get("password");
    server.superuserSql().execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
    server.superuserSql().execute("DROP ROLE IF EXISTS " + CDC_ROLE);
    String initScript = manifests.get(ConfigMap.class, "data", "postgres-config").getData().get("10-shop.sh");
    try (Connection owner = connect(server, PostgresServer.SUPERUSER, "")) {
      run(owner, psqlHeredoc(initScript, Map.of("cdc_user", CDC_ROLE, "cdc_password", cdcPassword)));
      run(owner, publicationSql());
    }
  }

  @Test
  void operatorPreflightPassesForThePipeline(PostgresServer server) {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    SourceSelection selection = new SourceSelection(pg.tables(), pg.excludeTables(), pg.slotName(),
        pg.publicationName());
    SourceReport report = new JdbcPostgres().inspect(
        new PostgresTarget("localhost", server.port(), DATABASE, CDC_ROLE, cdcPassword), selection);
    assertThat(report.check().ok()).as(report.check().message()).isTrue();
    assertThat(report.replicaIdentityWarning()).as("REPLICA IDENTITY FULL on every table").isEmpty();
  }

  @Test
  void sampleTablesHaveRows(PostgresServer server) throws SQLException {
    try (Connection owner = connect(server, PostgresServer.SUPERUSER, "")) {
      assertThat(count(owner, "orders")).isEqualTo(1000);
      assertThat(count(owner, "order_items")).isEqualTo(3000);
      assertThat(count(owner, "customers")).isEqualTo(100);
    }
  }

  @Test
  void tableContentReadsTimestamptzAsUtcAndNumbersByValue(PostgresServer server) throws SQLException {
    try (Connection owner = connect(server, PostgresServer.SUPERUSER, "")) {
      run(owner, "SET TIME ZONE 'America/New_York'"); // the session zone must not matter
      TableContent orders = TableContent.read(owner, "public.orders", ShopDatabases.KEYS.get("orders"));
      assertThat(orders.columns()).containsExactly("id", "customer_id", "status", "total", "created_at", "updated_at");
      assertThat(orders.rows()).hasSize(1000);
      Map<String, String> first = orders.rows().get(List.of("1"));
      assertThat(first).containsEntry("created_at", "2024-01-01T00:01").containsEntry("total", "7.31")
          .containsEntry("status", "paid").containsEntry("updated_at", null);
      TableContent items = TableContent.read(owner, "public.order_items", ShopDatabases.KEYS.get("order_items"));
      assertThat(items.rows()).containsKey(List.of("1000", "3"));
    }
  }

  @Test
  void rerunningThePublicationSqlResetsItToThePipelinesTables(PostgresServer server) throws Exception {
    try (Connection owner = connect(server, PostgresServer.SUPERUSER, "")) {
      run(owner, "ALTER PUBLICATION cdc_orders ADD TABLE public.customers");
      run(owner, publicationSql());
      List<String> published = new ArrayList<>();
      try (Statement st = owner.createStatement();
          ResultSet rs = st.executeQuery("SELECT schemaname || '.' || tablename FROM pg_publication_tables"
              + " WHERE pubname = '" + pipeline.getSpec().source().postgres().publicationName() + "'")) {
        while (rs.next()) {
          published.add(rs.getString(1));
        }
      }
      assertThat(published).containsExactlyInAnyOrderElementsOf(pipeline.getSpec().source().postgres().tables());
    }
  }

  /**
   * The SQL between {@code <<'SQL'} and {@code SQL} in the init script, with psql's variable
   * interpolation done here: {@code :"name"} as a quoted identifier, {@code :'name'} as a literal.
   */
  static String psqlHeredoc(String script, Map<String, String> variables) {
    Matcher body = Pattern.compile("<<'SQL'\n(.*?)\nSQL\n", Pattern.DOTALL).matcher(script);
    assertThat(body.find()).as("a <<'SQL' heredoc in the init script").isTrue();
    String sql = body.group(1);
    for (Map.Entry<String, String> v : variables.entrySet()) {
      sql = sql.replace(":\"" + v.getKey() + "\"", "\"" + v.getValue().replace("\"", "\"\"") + "\"")
          .replace(":'" + v.getKey() + "'", "'" + v.getValue().replace("'", "''") + "'");
    }
    assertThat(sql).as("every psql variable replaced").doesNotContainPattern(":[\"'][a-z_]+[\"']");
    return sql;
  }

  private static String publicationSql() throws IOException {
    return Files.readString(RepoPaths.locate().kindManifests().resolve("postgres-publication.sql"));
  }

  private static Connection connect(PostgresServer server, String user, String password) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/" + DATABASE, user, password);
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM public." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
