package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Applies row changes to the store in one MariaDB transaction, so a load or a Stream Load transaction
 * becomes visible all at once or not at all. Rows apply in order; the last change of a key wins.
 */
public final class StoreWriter {

    private final Store store;
    private final Map<String, Object> tableLocks = new ConcurrentHashMap<>();

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
        }
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

    private static void applyBatch(Connection c, TableDef table, LoadBatch batch) throws SQLException {
        PreparedStatement pending = null;
        String pendingSql = null;
        try {
            for (RowChange change : batch.changes()) {
                // Columns dropped since the rows were converted are skipped; added ones get their default.
                List<String> columns = change.op() == RowChange.Op.DELETE ? table.keyColumns()
                        : change.values().keySet().stream().filter(name -> table.column(name).isPresent()).toList();
                String sql = change.op() == RowChange.Op.DELETE
                        ? deleteSql(table) : upsertSql(table, columns, change.updated());
                if (!sql.equals(pendingSql)) {
                    if (pending != null) {
                        pending.executeBatch();
                        pending.close();
                    }
                    pending = c.prepareStatement(sql);
                    pendingSql = sql;
                }
                int i = 1;
                for (String column : columns) {
                    pending.setString(i++, change.values().get(column));
                }
                pending.addBatch();
            }
            if (pending != null) {
                pending.executeBatch();
            }
        } finally {
            if (pending != null) {
                pending.close();
            }
        }
    }

    private static String deleteSql(TableDef table) {
        return "DELETE FROM " + Store.quote(table.database(), table.name()) + " WHERE "
                + table.keyColumns().stream().map(k -> Store.quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Columns outside {@code updated} keep their stored value when the key exists (partial update). */
    private static String upsertSql(TableDef table, List<String> columns, java.util.Set<String> updated) {
        String names = columns.stream().map(Store::quote).collect(Collectors.joining(", "));
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<String> updates = columns.stream().filter(c -> !table.isKey(c) && updated.contains(c))
                .map(c -> Store.quote(c) + " = VALUES(" + Store.quote(c) + ")").toList();
        String onDuplicate = updates.isEmpty()
                ? Store.quote(table.keyColumns().get(0)) + " = " + Store.quote(table.keyColumns().get(0))
                : String.join(", ", updates);
        return "INSERT INTO " + Store.quote(table.database(), table.name()) + " (" + names + ") VALUES (" + params
                + ") ON DUPLICATE KEY UPDATE " + onDuplicate;
    }

}
