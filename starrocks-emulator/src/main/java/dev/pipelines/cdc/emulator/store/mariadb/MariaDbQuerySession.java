package dev.pipelines.cdc.emulator.store.mariadb;

import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.ResultColumn;
import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.store.QuerySession;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A client's queries passed to a MariaDB connection of its own, with {@code information_schema.x}
 * rewritten to the emulator's StarRocks-shaped tables, and MariaDB's results printed as StarRocks prints them.
 */
final class MariaDbQuerySession implements QuerySession {

    private static final Pattern INFORMATION_SCHEMA =
            Pattern.compile("(?i)`?information_schema`?\\s*\\.\\s*`?(\\w+)`?");
    private static final Pattern ALL_ZERO_FRACTION = Pattern.compile("\\.0+$");

    private final Connection backend;

    MariaDbQuerySession(Connection backend) {
        this.backend = backend;
    }

    @Override
    public QueryResult query(String sql) {
        return forward(toEmulatedInformationSchema(sql));
    }

    @Override
    public QueryResult sessionStatement(String sql) {
        return forward(sql);
    }

    @Override
    public void use(String database) {
        forward("USE `" + database.replace("`", "``") + "`");
    }

    /** information_schema.x (any case) → the emulator's tables, whose names are upper case like StarRocks'. */
    private static String toEmulatedInformationSchema(String sql) {
        return INFORMATION_SCHEMA.matcher(sql).replaceAll(m -> MariaDbInformationSchema.SCHEMA + "."
                + m.group(1).toUpperCase(Locale.ROOT));
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
            case Types.BIT, Types.BOOLEAN -> ResultColumn.bool(name);
            case Types.DECIMAL, Types.NUMERIC -> ResultColumn.decimal(name, md.getPrecision(i), Math.max(0, md.getScale(i)));
            case Types.DOUBLE -> new ResultColumn(name, ResultColumn.TYPE_DOUBLE, ResultColumn.BINARY, 22, 0, 31);
            case Types.REAL, Types.FLOAT ->
                    new ResultColumn(name, ResultColumn.TYPE_FLOAT, ResultColumn.BINARY, 12, 0, 31);
            case Types.DATE -> ResultColumn.date(name);
            case Types.TIMESTAMP -> ResultColumn.datetime(name);
            case Types.TIME -> new ResultColumn(name, ResultColumn.TYPE_TIME, ResultColumn.BINARY, 10, 128, 0);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ResultColumn.blob(name);
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
