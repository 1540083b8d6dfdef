package dev.pipelines.cdc.emulator.store.mariadb;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;
import dev.pipelines.cdc.emulator.load.RowChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies row changes in one MariaDB transaction as multi-row upserts and deletes. */
final class MariaDbWriter {

    /** Rows per multi-row statement: one round trip per chunk instead of per row (matters for benchmarks). */
    private static final int ROWS_PER_STATEMENT = 500;

    private MariaDbWriter() {
    }

    static void apply(Store jdbc, TableDef table, List<LoadBatch> batches) throws SQLException {
        try (Connection c = jdbc.open()) {
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
