package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Applies row changes to the store in one MariaDB transaction, so a load or a Stream Load transaction
 * becomes visible all at once or not at all. Rows apply in order; the last change of a key wins.
 */
public final class StoreWriter {

    private final Store store;
    private final Map<String, Object> tableLocks = new ConcurrentHashMap<>();
    private final List<VisibleChangesListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StoreWriter(Store store) {
        this.store = store;
    }

    /**
     * Applies in one MariaDB transaction. Loads into the same table are serialised: StarRocks never
     * fails concurrent upserts of the same keys, while MariaDB transactions could deadlock on them.
     */
    public void apply(TableDef table, List<LoadBatch> batches) throws SQLException {
        synchronized (tableLocks.computeIfAbsent(table.qualifiedName(), k -> new Object())) {
            applyLocked(table, batches);
            for (VisibleChangesListener listener : listeners) {
                for (LoadBatch batch : batches) {
                    listener.visible(table.qualifiedName(), batch.changes());
                }
            }
        }
    }

    public void addListener(VisibleChangesListener listener) {
        listeners.add(listener);
    }

    public void removeListener(VisibleChangesListener listener) {
        listeners.remove(listener);
    }

    private void applyLocked(TableDef table, List<LoadBatch> batches) throws SQLException {
        try (Connection c = store.open()) {
            c.setAutoCommit(false);
            try {
                for (LoadBatch batch : batches) {
                    applyBatch(c, table, batch);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Rows per multi-row statement: one round trip per chunk instead of per row (matters for benchmarks). */
    private static final int ROWS_PER_STATEMENT = 500;

    /** Consecutive changes of the same shape go into one multi-row statement; order is kept across shapes. */
    private static void applyBatch(Connection c, TableDef table, LoadBatch batch) throws SQLException {
        List<RowChange> group = new ArrayList<>();
        String groupShape = null;
        for (RowChange change : batch.changes()) {
            String shape = change.op() + "|" + columns(table, change) + "|" + change.updated();
            if (!shape.equals(groupShape) || group.size() == ROWS_PER_STATEMENT) {
                execute(c, table, group);
                group.clear();
                groupShape = shape;
            }
            group.add(change);
        }
        execute(c, table, group);
    }

    /** Columns dropped since the rows were converted are skipped; added ones get their default. */
    private static List<String> columns(TableDef table, RowChange change) {
        return change.op() == RowChange.Op.DELETE ? table.keyColumns()
                : change.values().keySet().stream().filter(name -> table.column(name).isPresent()).toList();
    }

    private static void execute(Connection c, TableDef table, List<RowChange> group) throws SQLException {
        if (group.isEmpty()) {
            return;
        }
        RowChange first = group.get(0);
        List<String> columns = columns(table, first);
        String sql = first.op() == RowChange.Op.DELETE
                ? deleteSql(table, group.size()) : upsertSql(table, columns, first.updated(), group.size());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (RowChange change : group) {
                for (String column : columns) {
                    ps.setString(i++, change.values().get(column));
                }
            }
            ps.executeUpdate();
        }
    }

    private static String deleteSql(TableDef table, int rows) {
        String keys = table.keyColumns().stream().map(Store::quote).collect(Collectors.joining(", "));
        String tuple = "(" + table.keyColumns().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        return "DELETE FROM " + Store.quote(table.database(), table.name()) + " WHERE (" + keys + ") IN ("
                + String.join(", ", Collections.nCopies(rows, tuple)) + ")";
    }

    /** Columns outside {@code updated} keep their stored value when the key exists (partial update). */
    private static String upsertSql(TableDef table, List<String> columns, Set<String> updated, int rows) {
        String names = columns.stream().map(Store::quote).collect(Collectors.joining(", "));
        String tuple = "(" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<String> updates = columns.stream().filter(c -> !table.isKey(c) && updated.contains(c))
                .map(c -> Store.quote(c) + " = VALUES(" + Store.quote(c) + ")").toList();
        String onDuplicate = updates.isEmpty()
                ? Store.quote(table.keyColumns().get(0)) + " = " + Store.quote(table.keyColumns().get(0))
                : String.join(", ", updates);
        return "INSERT INTO " + Store.quote(table.database(), table.name()) + " (" + names + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, tuple)) + " ON DUPLICATE KEY UPDATE " + onDuplicate;
    }
}
