package dev.pipelines.cdc.emulator.catalog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulator's catalog: databases and primary-key tables with their StarRocks types.
 *
 * <p>It lives in memory for speed and is persisted (as JSON definitions plus StarRocks-shaped
 * information_schema rows) in the store, so a restarted emulator on the same MariaDB finds its tables.
 * Names are case-sensitive, as in StarRocks.
 */
public final class Catalog {

    // Records only: is-getters such as StarRocksType.isCharacter() are derived, not state.
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String DEFINITIONS = InformationSchema.SCHEMA + "._table_definitions";

    private final Store store;
    private final Map<String, Map<String, TableDef>> databases = new TreeMap<>();

    public Catalog(Store store) {
        this.store = store;
        load();
    }

    private void load() {
        try (Connection c = store.open(); Statement s = c.createStatement()) {
            InformationSchema.create(c);
            s.execute("CREATE TABLE IF NOT EXISTS " + DEFINITIONS + " (db VARCHAR(255), name VARCHAR(255),"
                    + " definition LONGTEXT, PRIMARY KEY (db, name))");
            try (ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM " + InformationSchema.SCHEMA
                    + ".SCHEMATA WHERE SCHEMA_NAME <> 'information_schema'")) {
                while (rs.next()) {
                    databases.put(rs.getString(1), new TreeMap<>());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT definition FROM " + DEFINITIONS)) {
                while (rs.next()) {
                    TableDef table = JSON.readValue(rs.getString(1), TableDef.class);
                    databases.computeIfAbsent(table.database(), k -> new TreeMap<>()).put(table.name(), table);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
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
        try (Connection c = store.open()) {
            InformationSchema.putDatabase(c, db);
        }
        databases.putIfAbsent(db, new TreeMap<>());
    }

    public synchronized void removeDatabase(String db) throws SQLException {
        try (Connection c = store.open(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + DEFINITIONS + " WHERE db = ?")) {
            ps.setString(1, db);
            ps.executeUpdate();
            InformationSchema.removeDatabase(c, db);
        }
        databases.remove(db);
    }

    public synchronized void putTable(TableDef table) throws SQLException {
        try (Connection c = store.open(); PreparedStatement ps = c.prepareStatement(
                "REPLACE INTO " + DEFINITIONS + " VALUES (?, ?, ?)")) {
            ps.setString(1, table.database());
            ps.setString(2, table.name());
            ps.setString(3, JSON.writeValueAsString(table));
            ps.executeUpdate();
            InformationSchema.putTable(c, table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        databases.computeIfAbsent(table.database(), k -> new TreeMap<>()).put(table.name(), table);
    }

    public synchronized void removeTable(String db, String table) throws SQLException {
        try (Connection c = store.open(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + DEFINITIONS + " WHERE db = ? AND name = ?")) {
            ps.setString(1, db);
            ps.setString(2, table);
            ps.executeUpdate();
            InformationSchema.removeTable(c, db, table);
        }
        Map<String, TableDef> tables = databases.get(db);
        if (tables != null) {
            tables.remove(table);
        }
    }
}
