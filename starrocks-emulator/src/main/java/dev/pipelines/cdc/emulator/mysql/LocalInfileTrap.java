package dev.pipelines.cdc.emulator.mysql;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A test-only hostile mode of the emulator's MySQL front: queries are answered with a LOCAL INFILE
 * request for {@link #fileName()} (0xFB followed by the name, MySQL's
 * Protocol::LOCAL_INFILE_Request), and whatever the client sends back is recorded. This is what a
 * malicious server at a user-supplied address does to read the client's files (a pod's
 * service-account token, say); StarRocks itself never does it. A client that refuses sends nothing
 * of the file (at most the empty packet that ends a transfer).
 *
 * <p>Two ways to arm it. {@link #start} is a server of its own, no database behind it, that answers
 * every query so, the driver's start-up queries included (enough for Connector/J 9, which honours
 * the request there). {@link MySqlFront#trapLocalInfile} arms the emulator's real front: the
 * drivers' own session set-up is answered normally and every other query gets the request, which
 * is where Connector/J 5.1 honours it (at start-up 5.1 fails with an internal error, measured).
 */
public final class LocalInfileTrap implements AutoCloseable {
    /** A client that neither answers nor hangs up is given up on after this long. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** What MySQL drivers send on their own while connecting: variables, SET, SHOW. */
    private static final Pattern SESSION_SETUP = Pattern.compile(
            "^(\\s*/\\*.*?\\*/)*\\s*(SET\\s|SHOW\\s|SELECT\\s+@@).*", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final String fileName;
    private final Predicate<String> catches;
    private final MySqlFront ownFront;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> queries = new ArrayList<>();

    private LocalInfileTrap(String fileName, Predicate<String> catches, String user, String password) {
        this.fileName = fileName;
        this.catches = catches;
        this.ownFront = user == null ? null : new MySqlFront(0, user, password, () -> {
            throw new IllegalStateException("the trap runs no SQL");
        }, this);
    }

    /** A server of its own on a free loopback port: every query on it asks the client for {@code fileName}. */
    public static LocalInfileTrap start(String user, String password, String fileName) {
        return new LocalInfileTrap(fileName, q -> true, user, password);
    }

    /** For {@link MySqlFront#trapLocalInfile}: every query but the drivers' session set-up. */
    static LocalInfileTrap forApplicationQueries(String fileName) {
        return new LocalInfileTrap(fileName, q -> !SESSION_SETUP.matcher(q).matches(), null, null);
    }

    /** Host of the trap's own server. */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** Port of the trap's own server ({@link #start} only). */
    public int port() {
        if (ownFront == null) {
            throw new IllegalStateException("armed on an emulator: use the emulator's MySQL port");
        }
        return ownFront.port();
    }

    public String fileName() {
        return fileName;
    }

    boolean catches(String query) {
        return catches.test(query);
    }

    synchronized void requested(String query) {
        queries.add(query);
    }

    synchronized void received(byte[] packet) {
        received.writeBytes(packet);
    }

    /** The queries that were answered with a LOCAL INFILE request, in order. */
    public synchronized List<String> queriesAnswered() {
        return List.copyOf(queries);
    }

    /** Every payload byte clients sent in reply to a LOCAL INFILE request, concatenated. */
    public synchronized byte[] received() {
        return received.toByteArray();
    }

    @Override
    public String toString() {
        return "LocalInfileTrap[" + fileName + ", " + queries.size() + " requests]";
    }

    /** Stops the trap's own server; an armed emulator is disarmed with {@link MySqlFront#disarm()}. */
    @Override
    public void close() {
        if (ownFront != null) {
            ownFront.close();
        }
    }
}
