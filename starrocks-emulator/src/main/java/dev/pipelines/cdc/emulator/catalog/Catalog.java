package dev.pipelines.cdc.emulator.catalog;

import dev.pipelines.cdc.emulator.store.RowStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulator's catalog: databases and primary-key tables with their StarRocks types.
 *
 * <p>It lives in memory for speed and is saved in the store ({@link RowStore#saveTable}), so a restarted
 * emulator on the same store finds its tables. Names are case-sensitive, as in StarRocks.
 */
public final class Catalog {

    private final RowStore store;
    private final Map<String, Map<String, TableDef>> databases = new TreeMap<>();

    public Catalog(RowStore store) {
        this.store = store;
        try {
            RowStore.CatalogRecords records = store.loadCatalog();
            records.databases().forEach(db -> databases.put(db, new TreeMap<>()));
            for (TableDef table : records.tables()) {
                databases.computeIfAbsent(table.database(), k -> new TreeMap<>()).put(table.name(), table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the emulator catalog", e);
        }
    }

    public synchronized boolean databaseExists(String db) {
        return databases.containsKey(db);
    }

    public synchronized List<String> databaseNames() {
        return new ArrayList<>(databases.keySet());
    }

    public synchronized Optional<TableDef> table(String db, String table) {
        Map<String, TableDef> tables = databases.get(db);
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(table));
    }

    public synchronized List<TableDef> tables(String db) {
        Map<String, TableDef> tables = databases.get(db);
        return tables == null ? List.of() : new ArrayList<>(tables.values());
    }

    public synchronized void putDatabase(String db) throws SQLException {
        store.saveDatabase(db);
        databases.putIfAbsent(db, new TreeMap<>());
    }

    public synchronized void removeDatabase(String db) throws SQLException {
        store.deleteDatabase(db);
        databases.remove(db);
    }

    public synchronized void putTable(TableDef table) throws SQLException {
        store.saveTable(table);
        databases.computeIfAbsent(table.database(), k -> new TreeMap<>()).put(table.name(), table);
    }

    public synchronized void removeTable(String db, String table) throws SQLException {
        store.deleteTable(db, table);
        Map<String, TableDef> tables = databases.get(db);
        if (tables != null) {
            tables.remove(table);
        }
    }
}
