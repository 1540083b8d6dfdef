package dev.pipelines.cdc.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small SQL helpers for tests: one short-lived connection per call, so tests never leak sessions
 * (a leaked session can hold a replication slot or a lock and make the next test flaky).
 */
public final class Sql {

    /** Opens a fresh connection. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final ConnectionSource connections;

    public Sql(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Runs each statement in order, in autocommit mode. */
    public void execute(String... statements) {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection c = connections.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows as ordered maps of column label to value. */
    public List<Map<String, Object>> rows(String sql) {
        return query(sql, rs -> {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            return row;
        });
    }

    /** The first column of the first row, or null when there is no row. */
    public Object scalar(String sql) {
        List<Object> values = query(sql, rs -> rs.getObject(1));
        return values.isEmpty() ? null : values.get(0);
    }
}
