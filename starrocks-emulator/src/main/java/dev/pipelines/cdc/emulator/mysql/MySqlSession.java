package dev.pipelines.cdc.emulator.mysql;

import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.ResultColumn;
import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.sql.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

/**
 * One MySQL-protocol connection: handshake with mysql_native_password, then COM_QUERY in the text
 * protocol. Server-side prepared statements are refused (both MySQL drivers and MariaDB's use
 * client-side prepared statements by default).
 */
final class MySqlSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSession.class);

    /** Reported in the handshake: StarRocks FE presents itself as a MySQL 8.0 server too. */
    static final String SERVER_VERSION = "8.0.33-starrocks-emulator";
    private static final String AUTH_PLUGIN = "mysql_native_password";

    private static final int CLIENT_LONG_PASSWORD = 0x1;
    private static final int CLIENT_FOUND_ROWS = 0x2;
    private static final int CLIENT_LONG_FLAG = 0x4;
    private static final int CLIENT_CONNECT_WITH_DB = 0x8;
    private static final int CLIENT_LOCAL_FILES = 0x80;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_TRANSACTIONS = 0x2000;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_MULTI_RESULTS = 0x20000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;
    private static final int CLIENT_CONNECT_ATTRS = 0x100000;
    private static final int CLIENT_PLUGIN_AUTH_LENENC = 0x200000;
    private static final int SERVER_CAPABILITIES = CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION
            | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | CLIENT_PLUGIN_AUTH_LENENC;
    private static final int STATUS_AUTOCOMMIT = 0x2;

    private static final int COM_QUIT = 0x01;
    private static final int COM_INIT_DB = 0x02;
    private static final int COM_QUERY = 0x03;
    private static final int COM_PING = 0x0e;
    private static final int COM_STMT_PREPARE = 0x16;
    private static final int COM_STMT_CLOSE = 0x19;
    private static final int COM_SET_OPTION = 0x1b;
    private static final int COM_RESET_CONNECTION = 0x1f;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final int connectionId;
    private final String user;
    private final String password;
    private final Supplier<SqlSession> sessions;
    /** The test-only hostile mode ({@link LocalInfileTrap}); null answers normally. */
    private final Supplier<LocalInfileTrap> traps;
    /** A trap of its own: this session runs no SQL at all. */
    private final boolean trapOnly;

    MySqlSession(Socket socket, int connectionId, String user, String password, Supplier<SqlSession> sessions,
            Supplier<LocalInfileTrap> traps, boolean trapOnly) {
        this.socket = socket;
        this.connectionId = connectionId;
        this.user = user;
        this.password = password;
        this.sessions = sessions;
        this.traps = traps;
        this.trapOnly = trapOnly;
    }

    @Override
    public void run() {
        try (socket) {
            PacketChannel channel = new PacketChannel(new BufferedInputStream(socket.getInputStream()),
                    new BufferedOutputStream(socket.getOutputStream()));
            String database = handshake(channel);
            if (database == null) {
                return;
            }
            if (trapOnly) {
                writeOk(channel, 0);
                channel.flush();
                trapLoop(channel, traps.get());
                return;
            }
            try (SqlSession session = sessions.get()) {
                if (!database.isEmpty()) {
                    try {
                        session.useDatabase(database);
                    } catch (SqlError e) {
                        writeError(channel, e);
                        channel.flush();
                        return;
                    }
                }
                writeOk(channel, 0);
                channel.flush();
                commandLoop(channel, session);
            }
        } catch (EOFException e) {
            LOG.debug("client {} went away", connectionId);
        } catch (IOException e) {
            LOG.debug("connection {} failed: {}", connectionId, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("connection {} failed", connectionId, e);
        }
    }

    /** Returns the requested database ("" for none), or null when authentication failed. */
    private String handshake(PacketChannel channel) throws IOException {
        byte[] scramble = new byte[20];
        for (int i = 0; i < scramble.length; i++) {
            scramble[i] = (byte) (RANDOM.nextInt(94) + 33);
        }
        channel.resetSequence();
        channel.write(new PacketBuilder()
                .int1(10).nulString(SERVER_VERSION).int4(connectionId)
                .bytes(java.util.Arrays.copyOfRange(scramble, 0, 8)).int1(0)
                .int2(capabilities() & 0xFFFF).int1(ResultColumn.UTF8).int2(STATUS_AUTOCOMMIT)
                .int2(capabilities() >>> 16).int1(21).zeros(10)
                .bytes(java.util.Arrays.copyOfRange(scramble, 8, 20)).int1(0)
                .nulString(AUTH_PLUGIN).build());
        channel.flush();

        PacketReader response = new PacketReader(channel.readPacket());
        long clientFlags = response.int4();
        response.int4();
        response.int1();
        response.skip(23);
        String clientUser = response.nulString();
        byte[] token;
        if ((clientFlags & CLIENT_PLUGIN_AUTH_LENENC) != 0) {
            token = response.bytes((int) response.lenencInt());
        } else if ((clientFlags & CLIENT_SECURE_CONNECTION) != 0) {
            token = response.bytes(response.int1());
        } else {
            token = response.nulString().getBytes(StandardCharsets.UTF_8);
        }
        String database = "";
        if ((clientFlags & CLIENT_CONNECT_WITH_DB) != 0 && response.hasMore()) {
            database = response.nulString();
        }
        String plugin = AUTH_PLUGIN;
        if ((clientFlags & CLIENT_PLUGIN_AUTH) != 0 && response.hasMore()) {
            plugin = response.nulString();
        }
        if (!AUTH_PLUGIN.equals(plugin)) {
            // Ask the client to answer our scramble with mysql_native_password instead.
            channel.write(new PacketBuilder().int1(0xFE).nulString(AUTH_PLUGIN).bytes(scramble).int1(0).build());
            channel.flush();
            token = channel.readPacket();
        }
        if (!user.equals(clientUser) || !NativePassword.matches(password, scramble, token)) {
            writeError(channel, new SqlError(SqlError.ACCESS_DENIED, "28000", "Access denied for user '" + clientUser
                    + "'@'" + socket.getInetAddress().getHostAddress() + "' (using password: "
                    + (token.length > 0 ? "YES" : "NO") + ")"));
            channel.flush();
            return null;
        }
        return database;
    }

    /** The hostile server also offers LOCAL INFILE, as a real MySQL server that allows it does. */
    private int capabilities() {
        return traps.get() == null ? SERVER_CAPABILITIES : SERVER_CAPABILITIES | CLIENT_LOCAL_FILES;
    }

    /** A trap's own server: every query is answered with a LOCAL INFILE request. */
    private void trapLoop(PacketChannel channel, LocalInfileTrap trap) throws IOException {
        while (true) {
            PacketReader packet = new PacketReader(channel.readPacket());
            int command = packet.int1();
            if (command == COM_QUIT) {
                return;
            }
            if (command == COM_QUERY) {
                requestFile(channel, trap, packet.rest());
            } else {
                writeOk(channel, 0);
            }
            channel.flush();
        }
    }

    /**
     * Asks for the trap's file as a LOCAL INFILE request (0xFB followed by the name), then records
     * every packet the client sends back up to the empty one that ends a file, as a server stealing
     * files would; then OK, as a server that loaded them would answer.
     */
    private void requestFile(PacketChannel channel, LocalInfileTrap trap, String query) throws IOException {
        trap.requested(query);
        channel.write(new PacketBuilder().int1(0xFB).bytes(trap.fileName().getBytes(StandardCharsets.UTF_8)).build());
        channel.flush();
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(LocalInfileTrap.READ_TIMEOUT_MILLIS);
        try {
            while (true) {
                byte[] data = channel.readPacket();
                trap.received(data);
                if (data.length == 0) {
                    break;
                }
            }
        } finally {
            socket.setSoTimeout(timeout);
        }
        writeOk(channel, 0);
    }

    private void commandLoop(PacketChannel channel, SqlSession session) throws IOException {
        while (true) {
            PacketReader packet = new PacketReader(channel.readPacket());
            int command = packet.int1();
            try {
                switch (command) {
                    case COM_QUIT -> {
                        return;
                    }
                    case COM_QUERY -> {
                        String sql = packet.rest();
                        LocalInfileTrap trap = traps.get();
                        if (trap != null && trap.catches(sql)) {
                            requestFile(channel, trap, sql);
                        } else {
                            writeResult(channel, session.execute(sql));
                        }
                    }
                    case COM_INIT_DB -> {
                        session.useDatabase(packet.rest());
                        writeOk(channel, 0);
                    }
                    case COM_PING, COM_RESET_CONNECTION -> writeOk(channel, 0);
                    case COM_SET_OPTION -> writeEof(channel);
                    case COM_STMT_CLOSE -> {
                        // No response is sent for COM_STMT_CLOSE.
                    }
                    case COM_STMT_PREPARE -> throw new SqlError(1295, "HY000",
                            "The StarRocks emulator does not support server-side prepared statements;"
                                    + " use client-side prepared statements (the drivers' default)");
                    default -> throw new SqlError(1047, "08S01", "Unknown command " + command);
                }
            } catch (SqlError e) {
                writeError(channel, e);
            }
            channel.flush();
        }
    }

    private void writeResult(PacketChannel channel, QueryResult result) throws IOException {
        if (result instanceof QueryResult.Ok ok) {
            writeOk(channel, ok.affectedRows());
            return;
        }
        QueryResult.Table table = (QueryResult.Table) result;
        channel.write(new PacketBuilder().lenencInt(table.columns().size()).build());
        for (ResultColumn c : table.columns()) {
            channel.write(new PacketBuilder().lenencString("def").lenencString("").lenencString("")
                    .lenencString("").lenencString(c.name()).lenencString(c.name())
                    .lenencInt(0x0c).int2(c.charset()).int4(c.length()).int1(c.mysqlType())
                    .int2(c.flags()).int1(c.decimals()).zeros(2).build());
        }
        writeEof(channel);
        for (List<String> row : table.rows()) {
            PacketBuilder b = new PacketBuilder();
            row.forEach(b::lenencString);
            channel.write(b.build());
        }
        writeEof(channel);
    }

    private static void writeOk(PacketChannel channel, long affectedRows) throws IOException {
        channel.write(new PacketBuilder().int1(0).lenencInt(affectedRows).lenencInt(0)
                .int2(STATUS_AUTOCOMMIT).int2(0).build());
    }

    private static void writeEof(PacketChannel channel) throws IOException {
        channel.write(new PacketBuilder().int1(0xFE).int2(0).int2(STATUS_AUTOCOMMIT).build());
    }

    private static void writeError(PacketChannel channel, SqlError e) throws IOException {
        channel.write(new PacketBuilder().int1(0xFF).int2(e.code()).bytes("#".getBytes(StandardCharsets.US_ASCII))
                .bytes(e.sqlState().getBytes(StandardCharsets.US_ASCII))
                .bytes(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8)).build());
    }
}
