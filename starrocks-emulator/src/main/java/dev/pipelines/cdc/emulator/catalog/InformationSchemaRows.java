package dev.pipelines.cdc.emulator.catalog;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of StarRocks' {@code information_schema.SCHEMATA/TABLES/COLUMNS} for the catalog, in
 * StarRocks' shape (COLUMN_SIZE and DECIMAL_DIGITS, a signed ORDINAL_POSITION, StarRocks type names).
 * One definition for both stores: MariaDB materialises them as tables, the memory store answers queries
 * over them directly.
 */
public final class InformationSchemaRows {

    /** How a column of these tables reads: text, a signed BIGINT, or a DATETIME. */
    public enum ColumnKind { TEXT, BIGINT, DATETIME }

    /** One column of a virtual table. */
    public record Column(String name, ColumnKind kind) {
    }

    public static final String CATALOG = "def";

    /**
     * Where the MariaDB store keeps these tables and the table definitions. Refused as a database name
     * by both stores, so DDL is judged the same whichever store runs.
     */
    public static final String RESERVED_SCHEMA = "_starrocks_catalog";

    public static final List<Column> SCHEMATA = columns("CATALOG_NAME SCHEMA_NAME DEFAULT_CHARACTER_SET_NAME"
            + " DEFAULT_COLLATION_NAME SQL_PATH", "");
    public static final List<Column> TABLES = columns("TABLE_CATALOG TABLE_SCHEMA TABLE_NAME TABLE_TYPE ENGINE"
            + " VERSION ROW_FORMAT TABLE_ROWS CREATE_TIME TABLE_COLLATION TABLE_COMMENT", "VERSION TABLE_ROWS");
    public static final List<Column> COLUMNS = columns("TABLE_CATALOG TABLE_SCHEMA TABLE_NAME COLUMN_NAME"
            + " ORDINAL_POSITION COLUMN_DEFAULT IS_NULLABLE DATA_TYPE CHARACTER_MAXIMUM_LENGTH CHARACTER_OCTET_LENGTH"
            + " NUMERIC_PRECISION NUMERIC_SCALE DATETIME_PRECISION CHARACTER_SET_NAME COLLATION_NAME COLUMN_TYPE"
            + " COLUMN_KEY EXTRA PRIVILEGES COLUMN_COMMENT COLUMN_SIZE DECIMAL_DIGITS GENERATION_EXPRESSION SRS_ID",
            "ORDINAL_POSITION CHARACTER_MAXIMUM_LENGTH CHARACTER_OCTET_LENGTH NUMERIC_PRECISION NUMERIC_SCALE"
                    + " DATETIME_PRECISION COLUMN_SIZE DECIMAL_DIGITS SRS_ID");

    private InformationSchemaRows() {
    }

    private static List<Column> columns(String names, String bigints) {
        List<String> numeric = Arrays.asList(bigints.split(" "));
        return Arrays.stream(names.split(" ")).map(n -> new Column(n, numeric.contains(n) ? ColumnKind.BIGINT
                : n.equals("CREATE_TIME") ? ColumnKind.DATETIME : ColumnKind.TEXT)).toList();
    }

    /** The row StarRocks lists for its own information_schema database. */
    public static List<Object> informationSchemaRow() {
        return Arrays.asList(CATALOG, "information_schema", "utf8", "utf8_general_ci", null);
    }

    public static List<Object> schemataRow(String db) {
        return Arrays.asList(CATALOG, db, "utf8", "utf8_general_ci", null);
    }

    public static List<Object> tablesRow(TableDef table, LocalDateTime created) {
        return Arrays.asList(CATALOG, table.database(), table.name(), "BASE TABLE", "StarRocks", null, null, null,
                created, "utf8_general_ci", table.comment());
    }

    public static List<List<Object>> columnsRows(TableDef table) {
        List<List<Object>> rows = new ArrayList<>();
        long position = 1;
        for (ColumnDef column : table.columns()) {
            StarRocksType type = column.type();
            Long charLength = type.isCharacter() ? type.columnSize() : null;
            boolean numeric = type.decimalDigits() != null
                    || type.kind() == StarRocksType.Kind.FLOAT || type.kind() == StarRocksType.Kind.DOUBLE;
            rows.add(Arrays.asList(CATALOG, table.database(), table.name(), column.name(), position++,
                    column.defaultValue(), column.nullable() ? "YES" : "NO", type.dataType(), charLength, charLength,
                    numeric ? type.columnSize() : null, numeric ? type.decimalDigits() : null,
                    type.kind() == StarRocksType.Kind.DATETIME ? 0L : null,
                    type.isCharacter() ? "utf8" : null, type.isCharacter() ? "utf8_general_ci" : null,
                    type.columnType(), table.isKey(column.name()) ? "PRI" : "", "",
                    "SELECT,INSERT,UPDATE,REFERENCES", column.comment(), type.columnSize(), type.decimalDigits(),
                    null, null));
        }
        return rows;
    }
}
