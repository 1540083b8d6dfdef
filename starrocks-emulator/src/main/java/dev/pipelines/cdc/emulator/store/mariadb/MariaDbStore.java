package dev.pipelines.cdc.emulator.store.mariadb;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;
import dev.pipelines.cdc.emulator.store.QuerySession;
import dev.pipelines.cdc.emulator.store.RowStore;
import dev.pipelines.cdc.emulator.store.StorageChange;
import dev.pipelines.cdc.emulator.store.StoreKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows in a real MariaDB (the default): each StarRocks table is an InnoDB table, the catalog is kept as
 * JSON definitions plus StarRocks-shaped information_schema tables, so a restarted emulator on the same
 * MariaDB finds its tables. Queries pass through to MariaDB.
 */
public final class MariaDbStore implements RowStore {

    // Records only: is-getters such as StarRocksType.isCharacter() are derived, not state.
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String DEFINITIONS = MariaDbInformationSchema.SCHEMA + "._table_definitions";

    private final Store jdbc;

    public MariaDbStore(Store jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.MARIADB;
    }

    @Override
    public CatalogRecords loadCatalog() throws SQLException {
        List<String> databases = new ArrayList<>();
        List<TableDef> tables = new ArrayList<>();
        try (Connection c = jdbc.open(); Statement s = c.createStatement()) {
            MariaDbInformationSchema.create(c);
            s.execute("CREATE TABLE IF NOT EXISTS " + DEFINITIONS + " (db VARCHAR(255), name VARCHAR(255),"
                    + " definition LONGTEXT, PRIMARY KEY (db, name))");
            try (ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM " + MariaDbInformationSchema.SCHEMA
                    + ".SCHEMATA WHERE SCHEMA_NAME <> 'information_schema'")) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT definition FROM " + DEFINITIONS)) {
                while (rs.next()) {
                    tables.add(JSON.readValue(rs.getString(1), TableDef.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable table definition in " + DEFINITIONS, e);
        }
        return new CatalogRecords(databases, tables);
    }

    @Override
    public void saveDatabase(String db) throws SQLException {
        try (Connection c = jdbc.open()) {
            MariaDbInformationSchema.putDatabase(c, db);
        }
    }

    @Override
    public void deleteDatabase(String db) throws SQLException {
        try (Connection c = jdbc.open(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + DEFINITIONS + " WHERE db = ?")) {
            ps.setString(1, db);
            ps.executeUpdate();
            MariaDbInformationSchema.removeDatabase(c, db);
        }
    }

    @Override
    public void saveTable(TableDef table) throws SQLException {
        try (Connection c = jdbc.open(); PreparedStatement ps = c.prepareStatement(
                "REPLACE INTO " + DEFINITIONS + " VALUES (?, ?, ?)")) {
            ps.setString(1, table.database());
            ps.setString(2, table.name());
            ps.setString(3, JSON.writeValueAsString(table));
            ps.executeUpdate();
            MariaDbInformationSchema.putTable(c, table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void deleteTable(String db, String table) throws SQLException {
        try (Connection c = jdbc.open(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + DEFINITIONS + " WHERE db = ? AND name = ?")) {
            ps.setString(1, db);
            ps.setString(2, table);
            ps.executeUpdate();
            MariaDbInformationSchema.removeTable(c, db, table);
        }
    }

    @Override
    public void createDatabase(String db) throws SQLException {
        run("CREATE DATABASE IF NOT EXISTS " + Store.quote(db) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    @Override
    public void dropDatabase(String db) throws SQLException {
        run("DROP DATABASE IF EXISTS " + Store.quote(db));
    }

    @Override
    public void createTable(TableDef table) throws SQLException {
        String columns = table.columns().stream().map(c -> storageColumn(table, c)).collect(Collectors.joining(", "));
        String keys = table.keyColumns().stream().map(Store::quote).collect(Collectors.joining(", "));
        run("CREATE TABLE " + Store.quote(table.database(), table.name()) + " (" + columns
                + ", PRIMARY KEY (" + keys + ")) ENGINE=InnoDB");
    }

    /** Value columns are nullable in MariaDB: NOT NULL and defaults are enforced by the emulator's loads. */
    private static String storageColumn(TableDef table, ColumnDef c) {
        return table.isKey(c.name())
                ? Store.quote(c.name()) + " " + c.type().storageKeyType() + " NOT NULL"
                : Store.quote(c.name()) + " " + c.type().storageType() + " NULL";
    }

    @Override
    public void dropTable(String db, String table) throws SQLException {
        run("DROP TABLE IF EXISTS " + Store.quote(db, table));
    }

    @Override
    public void truncateTable(TableDef table) throws SQLException {
        run("TRUNCATE TABLE " + Store.quote(table.database(), table.name()));
    }

    @Override
    public void alterTable(TableDef before, TableDef after, List<StorageChange> changes) throws SQLException {
        List<String> clauses = new ArrayList<>();
        for (StorageChange change : changes) {
            if (change instanceof StorageChange.AddColumn add) {
                ColumnDef column = add.column();
                String defaultClause = column.hasDefault() ? " DEFAULT " + literal(column.defaultValue()) : "";
                clauses.add("ADD COLUMN " + Store.quote(column.name()) + " " + column.type().storageType() + " NULL"
                        + defaultClause + (add.after() == null ? "" : " AFTER " + Store.quote(add.after())));
            } else if (change instanceof StorageChange.DropColumn drop) {
                clauses.add("DROP COLUMN " + Store.quote(drop.name()));
            }
        }
        run("ALTER TABLE " + Store.quote(before.database(), before.name()) + " " + String.join(", ", clauses));
    }

    @Override
    public void apply(TableDef table, List<LoadBatch> batches) throws SQLException {
        MariaDbWriter.apply(jdbc, table, batches);
    }

    @Override
    public QuerySession openSession() throws SQLException {
        return new MariaDbQuerySession(jdbc.open());
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private void run(String sql) throws SQLException {
        try (Connection c = jdbc.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }
}
