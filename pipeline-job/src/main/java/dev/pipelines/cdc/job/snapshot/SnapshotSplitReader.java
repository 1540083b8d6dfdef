package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads splits with {@code COPY (SELECT ... WHERE <block range>) TO STDOUT}, streamed: each fetch
 * hands on at most {@link #BATCH_ROWS} rows or {@link #BATCH_BYTES} bytes, and Flink's element queue
 * holds two fetches, so memory stays bounded however large a split is. Runs in the reader's one
 * fetcher thread, which alone touches the connection.
 */
final class SnapshotSplitReader implements SplitReader<ChangeRow, SnapshotSplit> {
  static final int BATCH_ROWS = 2048;
  static final int BATCH_BYTES = 4 << 20;

  private final SnapshotSettings settings;
  private final SnapshotEncoders encoders;
  private final Map<String, SourceTable> tables;
  private final Map<String, SnapshotRowEncoder> encoderByTable = new HashMap<>();
  private final ArrayDeque<SnapshotSplit> splits = new ArrayDeque<>();
  private Connection pg;
  /** The snapshot the open transaction imported ({@code null}: none open; empty: a fresh one). */
  private String transactionSnapshot;
  private SnapshotSplit current;
  private SnapshotRowEncoder encoder;
  private CopyOut copy;

  SnapshotSplitReader(SnapshotSettings settings, SnapshotEncoders encoders) {
    this.settings = settings;
    this.encoders = encoders;
    this.tables = settings.tablesByName();
  }

  @Override
  public RecordsWithSplitIds<ChangeRow> fetch() throws IOException {
    RecordsBySplits.Builder<ChangeRow> batch = new RecordsBySplits.Builder<>();
    try {
      if (current == null && !startNext(batch)) {
        return batch.build();
      }
      long bytes = 0;
      for (int rows = 0; rows < BATCH_ROWS && bytes < BATCH_BYTES; rows++) {
        byte[] line = copy.readFromCopy();
        if (line == null) {
          batch.addFinishedSplit(current.splitId());
          current = null;
          copy = null;
          break;
        }
        bytes += line.length;
        // Each COPY text row is one CopyData message ending in its newline.
        batch.add(current.splitId(), encoder.encode(line, 0, line.length - 1));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return batch.build();
  }

  /**
   * Starts the next split of a captured table; a restored split of a table the pipeline no longer
   * captures is finished at once, unread.
   */
  private boolean startNext(RecordsBySplits.Builder<ChangeRow> batch) throws SQLException {
    while ((current = splits.poll()) != null && !tables.containsKey(current.table())) {
      batch.addFinishedSplit(current.splitId());
    }
    if (current == null) {
      return false;
    }
    if (pg == null) {
      pg = JobConnections.postgres(settings.server(), settings.database(), settings.credentials());
      try (java.sql.Statement st = pg.createStatement()) {
        for (String setting : encoders.sessionSettings()) {
          st.execute(setting);
        }
      }
    }
    beginTransaction(current.snapshotName());
    SourceTable table = tables.get(current.table());
    encoder = encoderByTable.computeIfAbsent(current.table(), t -> encoders.forTable(table));
    copy = pg.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + encoder.selectList() + " FROM "
        + current.relation() + where(current.rangeCondition(), table.rowFilter()) + ") TO STDOUT");
    return true;
  }

  /**
   * The split's block range and the table's row filter. The filter went through the planning rules'
   * RowFilters (one parenthesized expression, nothing that could end the statement) and PostgreSQL's own
   * check before the job started; the publication holds the same one.
   */
  static String where(String rangeCondition, String rowFilter) {
    if (rowFilter.isEmpty()) {
      return rangeCondition;
    }
    return (rangeCondition.isEmpty() ? " WHERE " : rangeCondition + " AND ") + "(" + rowFilter + ")";
  }

  /**
   * One transaction for all splits of the slot's exported snapshot (imported, or its fallback after
   * a restore). A split without one (a table added at a restore, or every table when an existing
   * slot was kept) gets a transaction of its own, begun now: after the split was assigned, so after
   * the enumerator put its table into the publication, and every change since is in the stream.
   */
  private void beginTransaction(String snapshotName) throws SQLException {
    if (transactionSnapshot != null && !snapshotName.isEmpty() && transactionSnapshot.equals(snapshotName)) {
      return;
    }
    try (java.sql.Statement st = pg.createStatement()) {
      if (transactionSnapshot != null) {
        st.execute("COMMIT");
      }
      if (snapshotName.isEmpty()) {
        st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
    }
    if (!snapshotName.isEmpty()) {
      SnapshotTransaction.begin(pg, snapshotName);
    }
    transactionSnapshot = snapshotName;
  }

  /** Faults retrying cannot fix stop the job, naming the table; the rest (a lost connection) restart it. */
  private IOException failure(SQLException e) {
    if (current == null) {
      return new IOException("snapshot failed: " + e.getMessage(), e);
    }
    String table = current.table() + (current.relation().equals(quotedTable()) ? ""
        : " (partition " + current.relation() + ")");
    return SnapshotFailure.of(e, table, current.relation(), settings.credentials().sourceUser());
  }

  private String quotedTable() {
    SourceTable t = tables.get(current.table());
    try {
      return t == null ? "" : RelationSizes.quote(t.schema(), t.name());
    } catch (SQLException e) {
      return "";
    }
  }

  @Override
  public void handleSplitsChanges(SplitsChange<SnapshotSplit> change) {
    if (change instanceof SplitsAddition<SnapshotSplit> addition) {
      splits.addAll(addition.splits());
    }
  }

  @Override
  public void wakeUp() {
    // A fetch returns after one bounded batch; nothing blocks for long enough to interrupt.
  }

  @Override
  public void close() throws Exception {
    if (pg != null) {
      pg.close(); // ends the read-only transaction (and any COPY in progress)
      pg = null;
    }
  }
}
