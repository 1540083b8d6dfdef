package dev.pipelines.cdc.emulator.store.mariadb;

import dev.pipelines.cdc.emulator.catalog.InformationSchemaRows;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/**
 * StarRocks-shaped {@code information_schema} tables, materialised in MariaDB under {@link #SCHEMA}.
 *
 * <p>MariaDB's own information_schema lacks StarRocks' COLUMN_SIZE/DECIMAL_DIGITS, reports MariaDB storage
 * types and an unsigned ORDINAL_POSITION; queries naming {@code information_schema} are rewritten to read
 * these tables instead, so any WHERE clause a client writes works.
 */
final class MariaDbInformationSchema {

    static final String SCHEMA = InformationSchemaRows.RESERVED_SCHEMA;

    private MariaDbInformationSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".SCHEMATA (CATALOG_NAME VARCHAR(512),"
                    + " SCHEMA_NAME VARCHAR(255) PRIMARY KEY, DEFAULT_CHARACTER_SET_NAME VARCHAR(32),"
                    + " DEFAULT_COLLATION_NAME VARCHAR(32), SQL_PATH VARCHAR(512))");
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".TABLES (TABLE_CATALOG VARCHAR(512),"
                    + " TABLE_SCHEMA VARCHAR(255), TABLE_NAME VARCHAR(255), TABLE_TYPE VARCHAR(64),"
                    + " ENGINE VARCHAR(64), VERSION BIGINT, ROW_FORMAT VARCHAR(10), TABLE_ROWS BIGINT,"
                    + " CREATE_TIME DATETIME, TABLE_COLLATION VARCHAR(32), TABLE_COMMENT VARCHAR(2048),"
                    + " PRIMARY KEY (TABLE_SCHEMA, TABLE_NAME))");
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".COLUMNS (TABLE_CATALOG VARCHAR(512),"
                    + " TABLE_SCHEMA VARCHAR(255), TABLE_NAME VARCHAR(255), COLUMN_NAME VARCHAR(255),"
                    + " ORDINAL_POSITION BIGINT, COLUMN_DEFAULT TEXT, IS_NULLABLE VARCHAR(3), DATA_TYPE VARCHAR(64),"
                    + " CHARACTER_MAXIMUM_LENGTH BIGINT, CHARACTER_OCTET_LENGTH BIGINT, NUMERIC_PRECISION BIGINT,"
                    + " NUMERIC_SCALE BIGINT, DATETIME_PRECISION BIGINT, CHARACTER_SET_NAME VARCHAR(32),"
                    + " COLLATION_NAME VARCHAR(32), COLUMN_TYPE TEXT, COLUMN_KEY VARCHAR(3), EXTRA VARCHAR(27),"
                    + " PRIVILEGES VARCHAR(80), COLUMN_COMMENT TEXT, COLUMN_SIZE BIGINT, DECIMAL_DIGITS BIGINT,"
                    + " GENERATION_EXPRESSION TEXT, SRS_ID BIGINT,"
                    // Clustered by position: queries without ORDER BY list columns in table order, as StarRocks does.
                    + " PRIMARY KEY (TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION))");
        }
        insert(c, "SCHEMATA", List.of(InformationSchemaRows.informationSchemaRow()), true);
    }

    static void putDatabase(Connection c, String db) throws SQLException {
        insert(c, "SCHEMATA", List.of(InformationSchemaRows.schemataRow(db)), true);
    }

    static void removeDatabase(Connection c, String db) throws SQLException {
        for (String table : List.of("SCHEMATA", "TABLES", "COLUMNS")) {
            String column = table.equals("SCHEMATA") ? "SCHEMA_NAME" : "TABLE_SCHEMA";
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + SCHEMA + "." + table + " WHERE " + column + " = ?")) {
                ps.setString(1, db);
                ps.executeUpdate();
            }
        }
    }

    static void putTable(Connection c, TableDef table) throws SQLException {
        removeTable(c, table.database(), table.name());
        insert(c, "TABLES", List.of(InformationSchemaRows.tablesRow(table, LocalDateTime.now())), false);
        insert(c, "COLUMNS", InformationSchemaRows.columnsRows(table), false);
    }

    static void removeTable(Connection c, String db, String table) throws SQLException {
        for (String t : List.of("TABLES", "COLUMNS")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + SCHEMA + "." + t + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                ps.setString(1, db);
                ps.setString(2, table);
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection c, String table, List<List<Object>> rows, boolean ignore)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(rows.get(0).size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT " + (ignore ? "IGNORE " : "") + "INTO " + SCHEMA
                + "." + table + " VALUES (" + marks + ")")) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    ps.setObject(i + 1, v instanceof LocalDateTime t ? Timestamp.valueOf(t) : v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
