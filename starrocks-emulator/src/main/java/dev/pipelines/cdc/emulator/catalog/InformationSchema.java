package dev.pipelines.cdc.emulator.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * StarRocks-shaped {@code information_schema} tables, materialised in MariaDB under {@link #SCHEMA}.
 *
 * <p>MariaDB's own information_schema lacks StarRocks' COLUMN_SIZE/DECIMAL_DIGITS, reports MariaDB storage
 * types and an unsigned ORDINAL_POSITION; queries naming {@code information_schema} are rewritten to read
 * these tables instead, so any WHERE clause a client writes works.
 */
public final class InformationSchema {

    public static final String SCHEMA = "_starrocks_catalog";
    private static final String CATALOG = "def";

    private InformationSchema() {
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
            s.execute("INSERT IGNORE INTO " + SCHEMA + ".SCHEMATA VALUES ('def', 'information_schema', 'utf8',"
                    + " 'utf8_general_ci', NULL)");
        }
    }

    static void putDatabase(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO " + SCHEMA
                + ".SCHEMATA VALUES (?, ?, 'utf8', 'utf8_general_ci', NULL)")) {
            ps.setString(1, CATALOG);
            ps.setString(2, db);
            ps.executeUpdate();
        }
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".TABLES VALUES"
                + " (?, ?, ?, 'BASE TABLE', 'StarRocks', NULL, NULL, NULL, NOW(), 'utf8_general_ci', ?)")) {
            ps.setString(1, CATALOG);
            ps.setString(2, table.database());
            ps.setString(3, table.name());
            ps.setString(4, table.comment());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".COLUMNS VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'SELECT,INSERT,UPDATE,REFERENCES', ?, ?, ?,"
                + " NULL, NULL)")) {
            long position = 1;
            for (ColumnDef column : table.columns()) {
                StarRocksType type = column.type();
                Long charLength = type.isCharacter() ? type.columnSize() : null;
                boolean numeric = type.decimalDigits() != null
                        || type.kind() == StarRocksType.Kind.FLOAT || type.kind() == StarRocksType.Kind.DOUBLE;
                int i = 1;
                ps.setString(i++, CATALOG);
                ps.setString(i++, table.database());
                ps.setString(i++, table.name());
                ps.setString(i++, column.name());
                ps.setLong(i++, position++);
                ps.setString(i++, column.defaultValue());
                ps.setString(i++, column.nullable() ? "YES" : "NO");
                ps.setString(i++, type.dataType());
                ps.setObject(i++, charLength);
                ps.setObject(i++, charLength);
                ps.setObject(i++, numeric ? type.columnSize() : null);
                ps.setObject(i++, numeric ? type.decimalDigits() : null);
                ps.setObject(i++, type.kind() == StarRocksType.Kind.DATETIME ? 0L : null);
                ps.setString(i++, type.isCharacter() ? "utf8" : null);
                ps.setString(i++, type.isCharacter() ? "utf8_general_ci" : null);
                ps.setString(i++, type.columnType());
                ps.setString(i++, table.isKey(column.name()) ? "PRI" : "");
                ps.setString(i++, column.comment());
                ps.setObject(i++, type.columnSize());
                ps.setObject(i, type.decimalDigits());
                ps.addBatch();
            }
            ps.executeBatch();
        }
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
}
