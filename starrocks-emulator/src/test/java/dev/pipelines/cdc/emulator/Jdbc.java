package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.testsupport.Sql;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connects to the emulator's MySQL port with a chosen driver class. Both MySQL drivers claim
 * "jdbc:mysql:", so tests name the class instead of trusting DriverManager's order.
 */
final class Jdbc {

    /** MySQL Connector/J 9 (current). */
    static final String CONNECTOR_J = "com.mysql.cj.jdbc.Driver";
    /** MySQL Connector/J 5.1.49, as bundled (unshaded) in flink-connector-starrocks. */
    static final String LEGACY_5_1 = "com.mysql.jdbc.Driver";
    static final String MARIADB = "org.mariadb.jdbc.Driver";

    private Jdbc() {
    }

    static Connection connect(StarRocksEmulator sr, String driverClass, String database, String password)
            throws SQLException {
        return connect(sr.host(), sr.mysqlPort(), driverClass, database, sr.user(), password);
    }

    static Connection connect(String host, int port, String driverClass, String database, String user,
                              String password) throws SQLException {
        try {
            Driver driver = (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
            String scheme = driverClass.equals(MARIADB) ? "jdbc:mariadb://" : "jdbc:mysql://";
            String url = scheme + host + ":" + port + "/" + (database == null ? "" : database)
                    + "?useSSL=false&allowPublicKeyRetrieval=true";
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            Connection c = driver.connect(url, props);
            if (c == null) {
                throw new SQLException(driverClass + " did not accept " + url);
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(StarRocksEmulator sr, String database) throws SQLException {
        return connect(sr, CONNECTOR_J, database, sr.password());
    }

    /** SQL helpers over the emulator's MySQL port, as a user querying StarRocks would. */
    static Sql sql(StarRocksEmulator sr) {
        return new Sql(() -> connect(sr, null));
    }
}
