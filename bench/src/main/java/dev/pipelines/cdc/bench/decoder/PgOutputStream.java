package dev.pipelines.cdc.bench.decoder;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * A logical replication connection (pgjdbc's replication API) streaming a pgoutput slot into a
 * {@link PgOutputDecoder}, confirming the received LSN every {@link #CONFIRM_EVERY_COMMITS} commits (and
 * at the end). Reads with {@code readPending()} and parks briefly when nothing is pending, rather than
 * blocking in {@code read()}, which has no timeout.
 */
public final class PgOutputStream implements AutoCloseable {
  static final int CONFIRM_EVERY_COMMITS = 20;
  private static final long IDLE_PARK_NANOS = 100_000;

  private final Connection connection;
  private final PGReplicationStream stream;
  private long messages;
  private long bytes;
  private long commits;
  private long firstMessageNanos;

  private PgOutputStream(Connection connection, PGReplicationStream stream) {
    this.connection = connection;
    this.stream = stream;
  }

  /**
   * Connects with {@code replication=database} and starts streaming {@code slot} (pgoutput, proto_version 1)
   * for {@code publication} from {@code start} (null: the slot's confirmed position).
   *
   * @param timeZone the walsender session's TimeZone (timestamptz text is printed in it), or null to keep
   *     pgjdbc's (the JVM's zone)
   */
  public static PgOutputStream open(String jdbcUrl, String user, String password, String slot, String publication,
      LogSequenceNumber start, String timeZone) throws SQLException {
    Properties props = new Properties();
    PGProperty.USER.set(props, user);
    PGProperty.PASSWORD.set(props, password);
    PGProperty.REPLICATION.set(props, "database");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
    Connection c = DriverManager.getConnection(jdbcUrl, props);
    try {
      // The decoder copies text as UTF-8 and reads ISO dates: make sure that is what the server prints.
      String encoding = show(c, "server_encoding");
      String dateStyle = show(c, "DateStyle");
      if (!encoding.equalsIgnoreCase("UTF8") || !dateStyle.startsWith("ISO")) {
        throw new IllegalStateException("the decoder needs server_encoding UTF8 and DateStyle ISO, the server has "
            + encoding + " and " + dateStyle);
      }
      if (timeZone != null) {
        try (Statement st = c.createStatement()) {
          st.execute("SET TimeZone = '" + timeZone.replace("'", "''") + "'");
        }
      }
      PGReplicationStream stream = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
          .withSlotName(slot)
          .withSlotOption("proto_version", 1)
          .withSlotOption("publication_names", publication)
          .withStartPosition(start == null ? LogSequenceNumber.INVALID_LSN : start)
          .withStatusInterval(10, TimeUnit.SECONDS)
          .start();
      return new PgOutputStream(c, stream);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Feeds every message to {@code decoder} until {@code done} holds (checked after each message) or the
   * deadline passes (then an exception).
   */
  public void pump(PgOutputDecoder decoder, BooleanSupplier done, long deadlineNanos) throws SQLException {
    while (!done.getAsBoolean()) {
      ByteBuffer message = stream.readPending();
      if (message == null) {
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new IllegalStateException("the replication stream stopped short: " + messages + " messages, "
              + commits + " commits by the deadline");
        }
        LockSupport.parkNanos(IDLE_PARK_NANOS);
        continue;
      }
      if (messages++ == 0) {
        firstMessageNanos = System.nanoTime();
      }
      bytes += message.remaining();
      if (decoder.decode(message) == 'C' && ++commits % CONFIRM_EVERY_COMMITS == 0) {
        confirm();
      }
    }
  }

  /**
   * Reads whatever arrives within {@code nanos} (the stream's tail after the expected changes), feeding it to
   * {@code decoder}.
   */
  public void drain(PgOutputDecoder decoder, long nanos) throws SQLException {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() - until < 0) {
      ByteBuffer message = stream.readPending();
      if (message == null) {
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      messages++;
      bytes += message.remaining();
      if (decoder.decode(message) == 'C') {
        commits++;
      }
    }
  }

  /** Confirms everything received so far as applied and flushed (the slot may release that WAL). */
  public void confirm() throws SQLException {
    LogSequenceNumber received = stream.getLastReceiveLSN();
    stream.setAppliedLSN(received);
    stream.setFlushedLSN(received);
    stream.forceUpdateStatus();
  }

  /** System.nanoTime() when the first message arrived (0 before). */
  public long firstMessageNanos() {
    return firstMessageNanos;
  }

  public long messages() {
    return messages;
  }

  public long bytes() {
    return bytes;
  }

  public long commits() {
    return commits;
  }

  @Override
  public void close() throws SQLException {
    try {
      stream.close();
    } finally {
      connection.close();
    }
  }
}
