package dev.pipelines.cdc.emulator.sql;

/**
 * An error answered to a MySQL-protocol client, shaped like StarRocks' (error code, SQL state, message).
 */
public final class SqlError extends RuntimeException {

    /** StarRocks answers most analysis and syntax errors with 1064 / 42000. */
    public static final int SYNTAX = 1064;
    public static final int UNKNOWN_DB = 1049;
    public static final int DB_EXISTS = 1007;
    public static final int TABLE_EXISTS = 1050;
    public static final int UNKNOWN_TABLE = 1051;
    public static final int BAD_FIELD = 1054;
    public static final int DUP_FIELD = 1060;
    public static final int ACCESS_DENIED = 1045;

    private final int code;
    private final String sqlState;

    public SqlError(int code, String sqlState, String message) {
        super(message);
        this.code = code;
        this.sqlState = sqlState;
    }

    public static SqlError syntax(String detail) {
        return new SqlError(SYNTAX, "42000", "Getting syntax error. Detail message: " + detail + ".");
    }

    public static SqlError analysis(String message) {
        return new SqlError(SYNTAX, "42000", message);
    }

    public static SqlError unknownDatabase(String db) {
        return new SqlError(UNKNOWN_DB, "42000", "Unknown database '" + db + "'");
    }

    public static SqlError unknownTable(String table) {
        return new SqlError(UNKNOWN_TABLE, "42S02", "Unknown table '" + table + "'");
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }
}
