package dev.pipelines.cdc.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) configured like a production CDC source:
 * logical WAL, synchronous commit, and bounded replication slots / WAL senders.
 *
 * <p>Closing it stops the server and deletes its data directory.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser zonky's initdb creates; local connections are trusted, so it has no password. */
    public static final String SUPERUSER = "postgres";
    /** A login role with only what a CDC reader needs (see {@link #grantCaptureOn}). */
    public static final String CDC_USER = "cdc_reader";
    public static final String CDC_PASSWORD = "cdc_reader_pw";
    public static final String DATABASE = "postgres";
    public static final int MAX_REPLICATION_SLOTS = 10;
    public static final int MAX_WAL_SENDERS = 10;

    private final EmbeddedPostgres postgres;
    /** Set while {@link #stop()} holds the server down. */
    private volatile ServerFiles stopped;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        return start(0, Map.of());
    }

    /** Starts on a fixed port, e.g. for the local demo. */
    public static PostgresServer start(int port) {
        return start(port, Map.of());
    }

    /**
     * A server whose settings differ from the CDC-ready defaults, e.g. {@code wal_level=replica} to
     * prove a check fails. Not shared: the caller closes it.
     */
    public static PostgresServer start(Map<String, String> overrides) {
        return start(0, overrides);
    }

    /** @param port a fixed port, or 0 for any free one */
    private static PostgresServer start(int port, Map<String, String> overrides) {
        try {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("wal_level", "logical");
            // zonky starts with synchronous_commit=off: logical decoding would see a commit ~200 ms late.
            config.put("synchronous_commit", "on");
            config.put("max_replication_slots", String.valueOf(MAX_REPLICATION_SLOTS));
            config.put("max_wal_senders", String.valueOf(MAX_WAL_SENDERS));
            config.putAll(overrides);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setCleanDataDirectory(true);
            if (port != 0) {
                builder.setPort(port);
            }
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            PostgresServer server = new PostgresServer(pg);
            server.createCdcUser();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private void createCdcUser() {
        superuserSql().execute(
                "CREATE ROLE " + CDC_USER + " WITH LOGIN REPLICATION PASSWORD '" + CDC_PASSWORD + "'");
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Opens a connection as the superuser. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, "");
    }

    /** Opens a connection as the CDC user. */
    public Connection cdcConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), CDC_USER, CDC_PASSWORD);
    }

    /** SQL helpers running as the superuser. */
    public Sql superuserSql() {
        return new Sql(this::superuserConnection);
    }

    /** SQL helpers running as the CDC user (useful to prove a privilege is missing). */
    public Sql cdcSql() {
        return new Sql(this::cdcConnection);
    }

    /** Grants the CDC user SELECT on the given tables ("schema.table" or "table"): all a capture needs. */
    public void grantCaptureOn(String... tables) {
        for (String table : tables) {
            superuserSql().execute("GRANT SELECT ON " + table + " TO " + CDC_USER);
        }
        superuserSql().execute("GRANT USAGE ON SCHEMA public TO " + CDC_USER);
    }

    /**
     * Creates a publication as the superuser: publishing a table needs its ownership, which a
     * least-privilege CDC user does not have, so in production an administrator creates it.
     */
    public void createPublication(String name, String... tables) {
        superuserSql().execute("CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", tables));
    }

    /**
     * Creates a login role with REPLICATION whose password is really checked: zonky's initdb trusts
     * every local connection, so this adds scram-sha-256 rules for this one role to pg_hba.conf.
     */
    public void createPasswordCheckedRole(String role, String password) {
        superuserSql().execute("DROP ROLE IF EXISTS " + role,
                "CREATE ROLE " + role + " LOGIN REPLICATION PASSWORD '" + password + "'");
        try {
            Path hba = Path.of((String) superuserSql().scalar("SHOW hba_file"));
            String rules = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
            String current = Files.readString(hba);
            if (!current.startsWith(rules)) {
                Files.writeString(hba, rules + current);
                superuserSql().execute("SELECT pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restarts the server in place, as a maintenance restart or a failover to the same host would:
     * {@code pg_ctl restart -m fast} on the same data directory, port and settings. Every open
     * connection, replication connections included, is cut; slots, publications and data survive.
     *
     * @return how long the server was unreachable
     */
    public Duration restart() {
        ServerFiles files = serverFiles();
        long start = System.nanoTime();
        pgCtl(files, "-m", "fast", "-w", "-t", "60", "restart");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: connections are cut, the server shuts down
     * cleanly) and leaves it down, as an outage would, until {@link #startAgain()}. Connecting
     * fails meanwhile ("connection refused").
     */
    public void stop() {
        if (stopped != null) {
            throw new IllegalStateException("already stopped");
        }
        ServerFiles files = serverFiles();
        pgCtl(files, "-m", "fast", "-w", "-t", "60", "stop");
        stopped = files;
    }

    /**
     * Starts the server stopped by {@link #stop()} on the same data directory, port and settings:
     * the postmaster's own command line, which it recorded in {@code postmaster.opts} (what
     * {@code pg_ctl restart} reuses too).
     */
    public void startAgain() {
        ServerFiles files = stopped;
        if (files == null) {
            throw new IllegalStateException("not stopped");
        }
        pgCtl(files, "-o", files.postmasterOptions(), "-w", "-t", "60", "start");
        stopped = null;
    }

    /** Where the running server's files are: read while it runs, since a stopped server answers no query. */
    private record ServerFiles(Path dataDir, Path pgCtl, String postmasterOptions) {}

    private ServerFiles serverFiles() {
        Path dataDir = Path.of((String) superuserSql().scalar("SHOW data_directory"));
        try {
            long postmaster = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            // pg_ctl sits beside the running postgres binary (zonky unpacks both into one bin/ folder).
            String postgresBinary = ProcessHandle.of(postmaster).flatMap(h -> h.info().command())
                    .orElseThrow(() -> new IllegalStateException("cannot see the postmaster process " + postmaster));
            // postmaster.opts: the binary, then each argument double-quoted, as pg_ctl passes it to a shell.
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
            String binary = opts.startsWith("\"") ? opts.substring(0, opts.indexOf('"', 1) + 1)
                    : opts.split(" ", 2)[0];
            return new ServerFiles(dataDir, Path.of(postgresBinary).resolveSibling("pg_ctl"),
                    opts.substring(binary.length()).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pgCtl(ServerFiles files, String... args) {
        try {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // pg_ctl refuses root; zonky runs it in a user namespace the same way.
                command.addAll(List.of("unshare", "-U"));
            }
            // The server's own output goes to a file: a pipe would stay open as long as the server runs.
            Path log = Files.createTempFile("postgres-pg_ctl", ".log");
            command.addAll(List.of(files.pgCtl().toString(), "-D", files.dataDir().toString(), "-l", log.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl", e);
        }
    }

    public List<ReplicationSlot> replicationSlots() {
        return superuserSql().query(
                "SELECT slot_name, plugin, slot_type, database, active, confirmed_flush_lsn::text AS lsn,"
                        + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS retained"
                        + " FROM pg_replication_slots ORDER BY slot_name",
                rs -> new ReplicationSlot(rs.getString("slot_name"), rs.getString("plugin"),
                        rs.getString("slot_type"), rs.getString("database"), rs.getBoolean("active"),
                        rs.getString("lsn"), rs.getLong("retained")));
    }

    public List<Publication> publications() {
        return superuserSql().query(
                "SELECT p.pubname, p.puballtables,"
                        + " COALESCE((SELECT string_agg(t.schemaname || '.' || t.tablename, ',' ORDER BY 1)"
                        + "   FROM pg_publication_tables t WHERE t.pubname = p.pubname), '') AS tables"
                        + " FROM pg_publication p ORDER BY p.pubname",
                rs -> new Publication(rs.getString("pubname"), rs.getBoolean("puballtables"),
                        rs.getString("tables").isEmpty() ? List.of() : List.of(rs.getString("tables").split(","))));
    }

    /** Drops every replication slot, so a test that forgot its slot does not hold WAL for the next one. */
    public void dropAllReplicationSlots() {
        superuserSql().execute(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active");
    }

    @Override
    public void close() {
        if (stopped != null) {
            // zonky's close stops a running server: bring a stopped one back so that it can.
            startAgain();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
