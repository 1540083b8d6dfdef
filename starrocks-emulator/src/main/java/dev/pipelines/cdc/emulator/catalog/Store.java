package dev.pipelines.cdc.emulator.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the emulator keeps rows: a MariaDB server reached over JDBC. */
public record Store(String jdbcUrl, String user, String password) {

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Backquotes a name for MariaDB. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    public static String quote(String database, String table) {
        return quote(database) + "." + quote(table);
    }
}
