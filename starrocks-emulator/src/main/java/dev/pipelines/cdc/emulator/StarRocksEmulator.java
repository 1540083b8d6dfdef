package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.catalog.Catalog;
import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.load.AppliedChanges;
import dev.pipelines.cdc.emulator.load.ErrorLogs;
import dev.pipelines.cdc.emulator.load.LoadEngine;
import dev.pipelines.cdc.emulator.load.StoreWriter;
import dev.pipelines.cdc.emulator.load.VisibleChangesListener;
import dev.pipelines.cdc.emulator.mysql.LocalInfileTrap;
import dev.pipelines.cdc.emulator.mysql.MySqlFront;
import dev.pipelines.cdc.emulator.sql.DdlExecutor;
import dev.pipelines.cdc.emulator.sql.SqlSession;
import dev.pipelines.cdc.emulator.store.RowStore;
import dev.pipelines.cdc.emulator.store.StoreKind;
import dev.pipelines.cdc.emulator.store.mariadb.MariaDbStore;
import dev.pipelines.cdc.emulator.store.memory.MemoryStore;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * An emulator of a StarRocks cluster (one FE, one BE) for tests and demos: it is not StarRocks.
 * It speaks StarRocks' HTTP load APIs and the MySQL protocol, and stores rows in a {@link RowStore}: a
 * MariaDB server (the default) or the heap ({@link StoreKind#MEMORY}).
 *
 * <pre>{@code
 * try (StarRocksEmulator sr = StarRocksEmulator.start(EmulatorSettings.defaults(), store)) {
 *     sr.loadUrl();   // "127.0.0.1:<fe-http-port>", the connector's load-url
 *     sr.jdbcUrl();   // "jdbc:mysql://127.0.0.1:<mysql-port>"
 * }
 * }</pre>
 */
public final class StarRocksEmulator implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final EmulatorSettings settings;
    private final Server http;
    private final ServerConnector fe;
    private final ServerConnector be;
    private final MySqlFront mysql;
    private final Faults faults;
    private final RequestCounter counter;
    private final AppliedChanges applied;
    private final StoreWriter writer;
    private final RowStore store;
    /** A store started for this emulator alone, stopped with it; null when the caller owns the store. */
    private volatile AutoCloseable ownedStore;

    private StarRocksEmulator(EmulatorSettings settings, Server http, ServerConnector fe, ServerConnector be,
                              MySqlFront mysql, Faults faults, RequestCounter counter, AppliedChanges applied,
                              StoreWriter writer, RowStore store) {
        this.writer = writer;
        this.store = store;
        this.settings = settings;
        this.http = http;
        this.fe = fe;
        this.be = be;
        this.mysql = mysql;
        this.faults = faults;
        this.counter = counter;
        this.applied = applied;
    }

    /** Starts the emulator on top of a running MariaDB (the store; its root user must be able to create databases). */
    public static StarRocksEmulator start(EmulatorSettings settings, Store store) {
        return start(settings, new MariaDbStore(store));
    }

    /** Starts the emulator with rows kept in memory: no database, nothing survives the JVM. */
    public static StarRocksEmulator startInMemory(EmulatorSettings settings) {
        return start(settings, new MemoryStore());
    }

    /** Starts the emulator on a store; the caller closes the store after the emulator. */
    public static StarRocksEmulator start(EmulatorSettings settings, RowStore store) {
        Catalog catalog = new Catalog(store);
        DdlExecutor ddl = new DdlExecutor(catalog, store);
        Faults faults = new Faults();
        RequestCounter counter = new RequestCounter();
        AppliedChanges applied = new AppliedChanges();

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("emulator-http");
        threads.setDaemon(true);
        Server http = new Server(threads);
        ServerConnector fe = connector(http, HttpApi.FE, settings.feHttpPort());
        ServerConnector be = connector(http, HttpApi.BE, settings.beHttpPort());
        Supplier<String> beUrl = () -> "http://" + HOST + ":" + be.getLocalPort();
        StoreWriter writer = new StoreWriter(store);
        writer.addListener(applied);
        LoadEngine engine = new LoadEngine(catalog, writer, new ErrorLogs(beUrl), Clock.systemUTC());
        http.setHandler(new HttpApi(engine, faults, counter, settings.user(), settings.password(), beUrl));
        MySqlFront mysql = null;
        try {
            http.start();
            mysql = new MySqlFront(settings.mysqlPort(), settings.user(), settings.password(), () -> {
                try {
                    return new SqlSession(ddl, store.openSession());
                } catch (SQLException e) {
                    throw new IllegalStateException("store unavailable", e);
                }
            });
            return new StarRocksEmulator(settings, http, fe, be, mysql, faults, counter, applied, writer, store);
        } catch (Exception e) {
            if (mysql != null) {
                mysql.close();
            }
            try {
                http.stop();
            } catch (Exception ignored) {
                // Reporting the start failure matters more.
            }
            throw new IllegalStateException("StarRocks emulator did not start", e);
        }
    }

    /**
     * Starts a MariaDB of its own (~9 s) and the emulator on it, for demos, benchmarks and programs
     * outside JUnit; closing the emulator also stops that MariaDB and deletes its files.
     */
    public static StarRocksEmulator startWithOwnMariaDb(EmulatorSettings settings) {
        MariaDbServer mariaDb = MariaDbServer.start();
        try {
            StarRocksEmulator emulator = start(settings,
                    new Store(mariaDb.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD));
            emulator.ownedStore = mariaDb;
            return emulator;
        } catch (RuntimeException e) {
            mariaDb.close();
            throw e;
        }
    }

    /** Starts an emulator on a store of the given kind: its own MariaDB (~9 s), or memory; closing it frees the store. */
    public static StarRocksEmulator startOwning(EmulatorSettings settings, StoreKind kind) {
        if (kind == StoreKind.MARIADB) {
            return startWithOwnMariaDb(settings);
        }
        MemoryStore memory = new MemoryStore();
        StarRocksEmulator emulator = start(settings, memory);
        emulator.ownedStore = memory;
        return emulator;
    }

    private static ServerConnector connector(Server server, String name, int port) {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setName(name);
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);
        return connector;
    }

    public String host() {
        return HOST;
    }

    public int feHttpPort() {
        return fe.getLocalPort();
    }

    public int beHttpPort() {
        return be.getLocalPort();
    }

    public int mysqlPort() {
        return mysql.port();
    }

    /** The connector's {@code load-url}: the FE HTTP address as host:port. */
    public String loadUrl() {
        return HOST + ":" + feHttpPort();
    }

    public String feHttpUrl() {
        return "http://" + HOST + ":" + feHttpPort();
    }

    public String beHttpUrl() {
        return "http://" + HOST + ":" + beHttpPort();
    }

    /** The connector's {@code jdbc-url}; append a database name to query tables. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + HOST + ":" + mysqlPort();
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return settings.password();
    }

    /** Which store holds the rows. */
    public StoreKind storeKind() {
        return store.kind();
    }

    /** The store itself (e.g. a {@link MemoryStore}'s size). */
    public RowStore store() {
        return store;
    }

    public Faults faults() {
        return faults;
    }

    /** Requests served for an endpoint, named by template ("/api/transaction/commit") or by a real path. */
    public long requestCount(String endpoint) {
        return counter.get(Endpoint.of(endpoint)
                .orElseThrow(() -> new IllegalArgumentException("not an emulated endpoint: " + endpoint)));
    }

    public long requestCount(Endpoint endpoint) {
        return counter.get(endpoint);
    }

    /** The journal of visible row changes, off until started (for exactly-once checks). */
    public AppliedChanges appliedChanges() {
        return applied;
    }

    /** Calls {@code listener} with every change right after it becomes visible (see {@link VisibleChangesListener}). */
    public void addVisibleChangesListener(VisibleChangesListener listener) {
        writer.addListener(listener);
    }

    public void removeVisibleChangesListener(VisibleChangesListener listener) {
        writer.removeListener(listener);
    }

    /** FE → BE redirects answered (each load sent to the FE costs one). */
    public long redirectCount() {
        return counter.redirects();
    }

    /**
     * Test-only hostile mode, not StarRocks behaviour: the MySQL port asks clients for
     * {@code fileName} with a LOCAL INFILE request on every query but the drivers' session set-up,
     * and records what they send (see {@link LocalInfileTrap}). Ends with {@link #reset()}.
     */
    public LocalInfileTrap trapLocalInfile(String fileName) {
        return mysql.trapLocalInfile(fileName);
    }

    /** Forgets counts, pending faults and a LOCAL INFILE trap, e.g. between tests sharing one emulator. */
    public void reset() {
        counter.reset();
        faults.clear();
        applied.stop();
        mysql.disarm();
    }

    @Override
    public void close() {
        mysql.close();
        try {
            http.stop();
            if (ownedStore != null) {
                ownedStore.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("emulator did not stop cleanly", e);
        }
    }
}
