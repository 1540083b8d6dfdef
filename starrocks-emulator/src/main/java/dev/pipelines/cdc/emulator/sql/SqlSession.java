package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.InformationSchema;
import dev.pipelines.cdc.emulator.catalog.Store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client's SQL session: answers what StarRocks answers itself (version, DDL, SHOW/DESC,
 * information_schema), passes queries and session statements to a MariaDB connection of its own, and
 * rejects the rest.
 */
public final class SqlSession implements AutoCloseable {

    /** What {@code current_version()} answers; the connector only requires that the call succeeds. */
    public static final String VERSION = "3.3.0-emulator";

    private static final Pattern CURRENT_VERSION = Pattern.compile(
            "(?is)select\\s+current_version\\(\\)(?:\\s+(?:as\\s+)?`?(\\w+)`?)?");
    private static final Pattern INFORMATION_SCHEMA =
            Pattern.compile("(?i)`?information_schema`?\\s*\\.\\s*`?(\\w+)`?");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*/\\*.*?\\*/)*\\s*", Pattern.DOTALL);
    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");
    private static final Pattern ALL_ZERO_FRACTION = Pattern.compile("\\.0+$");

    private final DdlExecutor ddl;
    private final Connection backend;
    private String database;

    public SqlSession(DdlExecutor ddl, Store store) throws SQLException {
        this.ddl = ddl;
        this.backend = store.open();
    }

    public String database() {
        return database;
    }

    public void useDatabase(String db) {
        execute("USE `" + db.replace("`", "``") + "`");
    }

    public QueryResult execute(String rawSql) {
        String sql = TRAILING_SEMICOLONS.matcher(LEADING_COMMENTS.matcher(rawSql).replaceFirst("")).replaceFirst("");
        Matcher version = CURRENT_VERSION.matcher(sql);
        if (version.matches()) {
            String label = version.group(1) != null ? version.group(1) : "current_version()";
            return QueryResult.strings(List.of(label), List.of(List.of(VERSION)));
        }
        Optional<Statement> statement = StatementParser.parse(sql);
        if (statement.isPresent()) {
            QueryResult result = ddl.execute(statement.get(), database);
            if (statement.get() instanceof Statement.Use use) {
                database = use.database();
                forward("USE `" + use.database().replace("`", "``") + "`");
            }
            return result;
        }
        String first = firstWord(sql);
        return switch (first) {
            case "SELECT", "WITH", "EXPLAIN" -> forward(toEmulatedInformationSchema(sql));
            case "SET", "SHOW", "BEGIN", "START", "COMMIT", "ROLLBACK" -> forward(sql);
            case "INSERT", "UPDATE", "DELETE", "REPLACE" -> throw SqlError.analysis(
                    "The emulator accepts data only through Stream Load; " + first + " is not supported");
            default -> throw SqlError.syntax("Unexpected input '" + first.toLowerCase(Locale.ROOT)
                    + "': the emulator does not support this statement");
        };
    }

    /** information_schema.x (any case) → the emulator's tables, whose names are upper case like StarRocks'. */
    private static String toEmulatedInformationSchema(String sql) {
        return INFORMATION_SCHEMA.matcher(sql).replaceAll(m -> InformationSchema.SCHEMA + "."
                + m.group(1).toUpperCase(Locale.ROOT));
    }

    private static String firstWord(String sql) {
        Matcher m = Pattern.compile("^\\(*\\s*([A-Za-z]+)").matcher(sql);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    private QueryResult forward(String sql) {
        try (java.sql.Statement s = backend.createStatement()) {
            if (!s.execute(sql)) {
                return new QueryResult.Ok(Math.max(0, s.getUpdateCount()));
            }
            try (ResultSet rs = s.getResultSet()) {
                return materialize(rs);
            }
        } catch (SQLException e) {
            throw new SqlError(e.getErrorCode() == 0 ? 1064 : e.getErrorCode(),
                    e.getSQLState() == null ? "HY000" : e.getSQLState(), e.getMessage());
        }
    }

    private static QueryResult.Table materialize(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(column(md, i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(text(rs, md.getColumnType(i), i));
            }
            rows.add(row);
        }
        return new QueryResult.Table(columns, rows);
    }

    private static String text(ResultSet rs, int jdbcType, int i) throws SQLException {
        switch (jdbcType) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            }
            case Types.TIMESTAMP -> {
                String s = rs.getString(i);
                // StarRocks prints DATETIME without a fraction when it is zero.
                return s == null ? null : ALL_ZERO_FRACTION.matcher(s).replaceFirst("");
            }
            case Types.BIT, Types.BOOLEAN -> {
                Object v = rs.getObject(i);
                if (v == null) {
                    return null;
                }
                return v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(rs.getInt(i));
            }
            default -> {
                return rs.getString(i);
            }
        }
    }

    private static ResultColumn column(ResultSetMetaData md, int i) throws SQLException {
        String name = md.getColumnLabel(i);
        int flags = md.isSigned(i) ? 0 : 32;
        return switch (md.getColumnType(i)) {
            case Types.BIGINT -> new ResultColumn(name, ResultColumn.TYPE_LONGLONG, ResultColumn.BINARY, 20, flags, 0);
            case Types.INTEGER -> new ResultColumn(name, ResultColumn.TYPE_LONG, ResultColumn.BINARY, 11, flags, 0);
            case Types.SMALLINT -> new ResultColumn(name, ResultColumn.TYPE_SHORT, ResultColumn.BINARY, 6, flags, 0);
            case Types.TINYINT -> new ResultColumn(name, ResultColumn.TYPE_TINY, ResultColumn.BINARY, 4, flags, 0);
            // BOOLEAN is stored as TINYINT(1); display width 1 makes drivers read it as a boolean.
            case Types.BIT, Types.BOOLEAN -> new ResultColumn(name, ResultColumn.TYPE_TINY, ResultColumn.BINARY, 1, 0, 0);
            case Types.DECIMAL, Types.NUMERIC -> new ResultColumn(name, ResultColumn.TYPE_NEWDECIMAL,
                    ResultColumn.BINARY, md.getPrecision(i) + 2L, 0, Math.max(0, md.getScale(i)));
            case Types.DOUBLE -> new ResultColumn(name, ResultColumn.TYPE_DOUBLE, ResultColumn.BINARY, 22, 0, 31);
            case Types.REAL, Types.FLOAT ->
                    new ResultColumn(name, ResultColumn.TYPE_FLOAT, ResultColumn.BINARY, 12, 0, 31);
            case Types.DATE -> new ResultColumn(name, ResultColumn.TYPE_DATE, ResultColumn.BINARY, 10, 128, 0);
            case Types.TIMESTAMP -> new ResultColumn(name, ResultColumn.TYPE_DATETIME, ResultColumn.BINARY, 26, 128, 6);
            case Types.TIME -> new ResultColumn(name, ResultColumn.TYPE_TIME, ResultColumn.BINARY, 10, 128, 0);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    new ResultColumn(name, ResultColumn.TYPE_BLOB, ResultColumn.BINARY, 65535, 128, 0);
            default -> ResultColumn.varchar(name);
        };
    }

    @Override
    public void close() {
        try {
            backend.close();
        } catch (SQLException ignored) {
            // The session is over either way.
        }
    }
}
