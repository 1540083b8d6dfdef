package dev.pipelines.cdc.job.toast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in large (TOASTed) values that an UPDATE left unchanged and Postgres therefore did not
 * send (unless the table is REPLICA IDENTITY FULL). Writing the row without them would blank them
 * in StarRocks, so the current values are read from Postgres by key.
 *
 * <p>The value read may be newer than the change being applied. That is safe: a later change to
 * that column carries the new value anyway (it is then no longer "unchanged"), and the changes of
 * one key are applied in order, so StarRocks ends with the source's final state. If the row is
 * gone, a delete for it follows in the stream; the row is written without those columns until then.
 */
public final class UnchangedValueResolver extends RichMapFunction<ChangeRow, ChangeRow> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(UnchangedValueResolver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostPort server;
  private final String database;
  private final Credentials credentials;
  private final Map<String, SourceTable> tables;
  private transient Connection connection;

  /** The source's host and database pass {@link Endpoints}' rule here, when the graph is built. */
  public UnchangedValueResolver(PostgresSourceConfig source, Credentials credentials, Map<String, SourceTable> tables) {
    this.server = Endpoints.postgresServer(source.host(), source.port());
    this.database = Endpoints.postgresDatabase(source.database());
    this.credentials = credentials;
    this.tables = Map.copyOf(tables);
  }

  @Override
  public void open(OpenContext context) {
    // Connected lazily: most pipelines never need it.
  }

  @Override
  public ChangeRow map(ChangeRow change) throws Exception {
    if (change.complete()) {
      return change;
    }
    SourceTable table = tables.get(change.sourceTable);
    List<String> columns = Arrays.asList(change.unavailable.split(","));
    ObjectNode row = (ObjectNode) JSON.readTree(change.json);
    try (PreparedStatement st = connection().prepareStatement(UnchangedValueQuery.sql(table, columns))) {
      for (int i = 0; i < table.primaryKey().size(); i++) {
        JsonNode key = row.get(table.targetName(table.primaryKey().get(i)));
        st.setString(i + 1, key.isTextual() ? key.asText() : key.toString());
      }
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          for (int i = 0; i < columns.size(); i++) {
            String value = rs.getString(i + 1);
            boolean json = UnchangedValueQuery.isJson(table.column(columns.get(i)));
            row.set(table.targetName(columns.get(i)), value == null ? row.nullNode() : json ? JSON.readTree(value) : row.textNode(value));
          }
        } else {
          LOG.info("{}: row {} is gone; a delete follows in the stream", change.sourceTable, change.key);
        }
      }
    }
    return new ChangeRow(change.sourceTable, change.key, JSON.writeValueAsString(row));
  }

  private Connection connection() throws SQLException {
    if (connection == null || !connection.isValid(2)) {
      connection = JobConnections.postgres(server, database, credentials);
      try (var st = connection.createStatement()) {
        // Key values of timestamp columns travel as UTC wall-clock text.
        st.execute("SET TIME ZONE 'UTC'");
      }
    }
    return connection;
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
