package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.endpoint.InvalidEndpointException;
import dev.pipelines.cdc.config.endpoint.PostgresJdbc;
import dev.pipelines.cdc.config.plan.CatalogColumn;
import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.SourcePlanner;
import dev.pipelines.cdc.config.plan.TableTransforms;
import dev.pipelines.cdc.config.plan.RowEstimates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The source database over JDBC, as the pipeline's own user. Every statement the operator runs
 * in a source database is in this class or in the catalog queries it shares with the job
 * ({@link CatalogQuery}, {@link RowEstimates}); docs/database.md lists them. Connections are short-lived and
 * have 5 s connect, login and socket timeouts, so a reconcile thread never hangs on a database.
 */
public final class JdbcPostgres implements SourceInspector, SlotCleaner {
  static final int TIMEOUT_SECONDS = 5;

  /**
   * What only the operator checks. Tables, the publication and the user's rights come from the
   * queries the job runs too ({@link CatalogQuery}).
   */
  static final String SERVER = """
      SELECT current_setting('wal_level'), r.rolreplication,
             current_setting('max_replication_slots')::int,
             (SELECT count(*) FROM pg_replication_slots)::int
      FROM pg_roles r WHERE r.rolname = current_user""";

  static final String SLOT = """
      SELECT active, confirmed_flush_lsn::text,
             pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint,
             pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint
      FROM pg_replication_slots WHERE slot_name = ?""";

  static final String DROP_SLOT = "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
      + " WHERE slot_name = ? AND NOT active";

  static final String PUBLICATION_EXISTS = "SELECT 1 FROM pg_publication WHERE pubname = ?";

  /** SQLSTATE object_in_use: the slot became active between the check and the drop. */
  private static final String OBJECT_IN_USE = "55006";
  /** SQLSTATE insufficient_privilege: e.g. dropping a publication someone else owns. */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Override
  public SourceReport inspect(PostgresTarget target, SourceSelection selection) {
    try (Connection c = connect(target)) {
      return SourceVerdict.evaluate(facts(c, selection), selection);
    } catch (SQLException e) {
      return SourceReport.unreachable(JdbcErrors.classify(e, "PostgreSQL at " + target.address(), target.user()));
    }
  }

  @Override
  public CleanupOutcome drop(PostgresTarget target, String slotName, String publicationName) {
    try (Connection c = connect(target)) {
      Optional<SlotReading> slot = slot(c, slotName);
      if (slot.isPresent() && slot.get().active()) {
        return CleanupOutcome.retry(DatabaseReasons.SLOT_ACTIVE,
            "replication slot " + slotName + " is still in use by a consumer; waiting for it to disconnect");
      }
      boolean slotDropped = slot.isPresent() && dropSlot(c, slotName);
      if (slot.isPresent() && !slotDropped) {
        return CleanupOutcome.retry(DatabaseReasons.SLOT_ACTIVE,
            "replication slot " + slotName + " became active while being dropped; retrying");
      }
      String slotText = slotDropped ? "dropped replication slot " + slotName : "replication slot " + slotName + " did not exist";
      if (!exists(c, PUBLICATION_EXISTS, publicationName)) {
        return CleanupOutcome.done(slotText + "; publication " + publicationName + " did not exist", Optional.empty());
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP PUBLICATION IF EXISTS " + quoteIdentifier(publicationName));
        return CleanupOutcome.done(slotText + " and publication " + publicationName, Optional.empty());
      } catch (SQLException e) {
        if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          throw e;
        }
        return CleanupOutcome.done(slotText + "; publication " + publicationName + " was left in place",
            Optional.of("publication " + publicationName + " was not dropped: " + e.getMessage().trim()
                + ". Its owner can run DROP PUBLICATION " + publicationName));
      }
    } catch (SQLException e) {
      CheckResult failure = JdbcErrors.classify(e, "PostgreSQL at " + target.address(), target.user());
      return CleanupOutcome.retry(failure.reason(), failure.message());
    }
  }

  /**
   * Host and database pass {@link Endpoints}' rule and travel as pgjdbc properties
   * ({@link PostgresJdbc}); the URL is the bare {@code jdbc:postgresql://}, so no user text is
   * parsed as URL parameters.
   */
  static Connection connect(PostgresTarget target) throws SQLException {
    Properties props;
    try {
      props = PostgresJdbc.properties(Endpoints.postgresServer(target.host(), target.port()), target.database(),
          target.user(), target.password());
    } catch (InvalidEndpointException e) {
      // The validator refuses such a spec first; this is the connection's own check.
      // 22023 invalid_parameter_value: reported as a failed check, not as a credentials problem.
      throw new SQLException("refusing to connect: " + e.getMessage(), "22023", e);
    }
    props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
    props.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
    props.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
    props.setProperty("ApplicationName", "cdc-pipeline-operator");
    // The driver directly, not DriverManager: no global login timeout, no driver scan.
    Connection c = new org.postgresql.Driver().connect(PostgresJdbc.URL, props);
    if (c == null) {
      throw new SQLException("the PostgreSQL driver does not accept " + PostgresJdbc.URL, "08001");
    }
    return c;
  }

  private static SourceFacts facts(Connection c, SourceSelection selection) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SERVER)) {
      if (!rs.next()) {
        throw new SQLException("current_user is not in pg_roles", "42704");
      }
      String walLevel = rs.getString(1);
      boolean replication = rs.getBoolean(2);
      int maxSlots = rs.getInt(3);
      int usedSlots = rs.getInt(4);
      Optional<SlotReading> slot = Optional.empty();
      Optional<String> slotError = Optional.empty();
      try {
        slot = slot(c, selection.slotName());
      } catch (SQLException e) {
        // e.g. pg_current_wal_lsn() on a standby: the preflight still stands, the figures do not.
        slotError = Optional.of(e.getMessage().trim());
      }
      SourceCatalog catalog = CatalogQuery.read(c, selection.publicationName());
      // The selected tables' columns, in one query: the planning rules check transforms and StarRocks'
      // column names on them, as the job does at start.
      List<CatalogTable> selected = SourcePlanner.selected(catalog, selection.planRequest());
      Map<String, List<String>> columns = new LinkedHashMap<>();
      CatalogQuery.columns(c, selected)
          .forEach((table, cs) -> columns.put(table, cs.stream().map(CatalogColumn::name).toList()));
      // PostgreSQL's own verdict on each row filter, as the job asks it at start.
      Map<String, String> filterErrors = new LinkedHashMap<>();
      for (Map.Entry<CatalogTable, String> f : TableTransforms.filters(selection.transforms(), selected).entrySet()) {
        CatalogQuery.filterProblem(c, f.getKey(), f.getValue())
            .ifPresent(e -> filterErrors.put(f.getKey().qualifiedName(), e));
      }
      return new SourceFacts(walLevel, replication, maxSlots, usedSlots, catalog, slot, slotError, RowEstimates.read(c),
          columns, filterErrors);
    }
  }

  private static Optional<SlotReading> slot(Connection c, String slotName) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(SLOT)) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new SlotReading(rs.getBoolean(1), rs.getString(2), nullableLong(rs, 3), nullableLong(rs, 4)));
      }
    }
  }

  private static boolean dropSlot(Connection c, String slotName) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(DROP_SLOT)) {
      st.setString(1, slotName);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      if (OBJECT_IN_USE.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Publication names are validated identifiers ([a-z0-9_]); quoting is belt and braces. */
  static String quoteIdentifier(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
