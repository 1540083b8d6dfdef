package dev.pipelines.cdc.emulator.mysql;

import dev.pipelines.cdc.emulator.sql.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The emulator's MySQL-protocol port (StarRocks FE's query port, 9030 by default): a thread per
 * connection, each with its own {@link SqlSession}.
 */
public final class MySqlFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlFront.class);

    private final ServerSocket server;
    private final ExecutorService threads;
    private final AtomicInteger connectionIds = new AtomicInteger();

    /** Test-only: while set, the front plays a hostile server ({@link #trapLocalInfile}). */
    private volatile LocalInfileTrap armed;

    public MySqlFront(int port, String user, String password, Supplier<SqlSession> sessions) {
        this(port, user, password, sessions, null);
    }

    /** With {@code ownTrap}: a trap's own server ({@link LocalInfileTrap#start}), no SQL behind it. */
    MySqlFront(int port, String user, String password, Supplier<SqlSession> sessions, LocalInfileTrap ownTrap) {
        this.armed = ownTrap;
        try {
            this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on MySQL port " + port, e);
        }
        AtomicInteger threadIds = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-mysql-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.submit(() -> acceptLoop(user, password, sessions, ownTrap != null));
    }

    private void acceptLoop(String user, String password, Supplier<SqlSession> sessions, boolean trapOnly) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                threads.submit(new MySqlSession(socket, connectionIds.incrementAndGet(), user, password, sessions,
                        () -> armed, trapOnly));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("accept failed", e);
                }
            }
        }
    }

    /**
     * Test-only hostile mode: from now on, connections opened to this front offer LOCAL INFILE and
     * every query but the drivers' session set-up is answered with a request for {@code fileName}
     * (see {@link LocalInfileTrap}). StarRocks never does this; {@link #disarm()} ends it.
     */
    public LocalInfileTrap trapLocalInfile(String fileName) {
        LocalInfileTrap trap = LocalInfileTrap.forApplicationQueries(fileName);
        armed = trap;
        return trap;
    }

    /** Back to an emulator of StarRocks. */
    public void disarm() {
        armed = null;
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
