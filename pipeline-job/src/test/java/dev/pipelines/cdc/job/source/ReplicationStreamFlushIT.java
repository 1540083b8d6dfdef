package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;

/**
 * The replication stream Debezium builds ({@code getReplicationAPI().replicationStream().logical()}, as
 * flink-cdc's {@code PostgresReplicationConnection.startPgReplicationStream} does) confirms to the slot
 * only what its client flushed. pgjdbc's own default (42.7.0 and later) also confirms on a keepalive
 * the server's position whenever the position last reported is at or past the start of the last
 * message received; with pgoutput's out-of-order message positions that confirmed changes a job had
 * received but no checkpoint held (docs/known-issues.md). Our {@code ReplicationStreamBuilder} turns
 * that off; the second test pins that the driver still does it when asked, so a driver that stops doing
 * it shows up here.
 */
@ExtendWith(PostgresExtension.class)
class ReplicationStreamFlushIT {
  private static final String SCHEMA = "rsflush";
  private static final String SLOT = "rsflush_slot";
  private static final String PUBLICATION = "rsflush_pub";

  @AfterEach
  void drop(PostgresServer pg) {
    pg.superuserSql().execute("DROP PUBLICATION IF EXISTS " + PUBLICATION, "DROP SCHEMA IF EXISTS " + SCHEMA
        + " CASCADE");
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE slot_name = '" + SLOT + "' AND NOT active");
  }

  @Test
  void theStreamConfirmsOnlyWhatItsClientFlushed(PostgresServer pg) throws Exception {
    long created = createSlot(pg);
    try (Connection replication = replicationConnection(pg);
        PGReplicationStream stream = start(replication, created, UnaryOperator.identity())) {
      writeOtherTablesWhileReading(pg, stream);
      assertThat(confirmed(pg)).as("the slot's confirmed position after keepalives, nothing flushed")
          .isEqualTo(created);

      // What the client flushes it confirms (Debezium's flushLsn: setFlushedLSN, then a status update).
      LogSequenceNumber received = stream.getLastReceiveLSN();
      assertThat(received.asLong()).as("the server's position the keepalives carried").isGreaterThan(created);
      stream.setFlushedLSN(received);
      stream.forceUpdateStatus();
      awaitConfirmed(pg, received.asLong());
      assertThat(confirmed(pg)).isEqualTo(received.asLong());
    }
  }

  @Test
  void theDriversAutomaticFlushStillMovesTheSlotOnItsOwnWhenAskedFor(PostgresServer pg) throws Exception {
    long created = createSlot(pg);
    try (Connection replication = replicationConnection(pg);
        PGReplicationStream stream = start(replication, created, b -> b.withAutomaticFlush(true))) {
      writeOtherTablesWhileReading(pg, stream);
      awaitConfirmed(pg, created + 1);
      assertThat(confirmed(pg)).as("confirmed by the driver's keepalive handling, nothing flushed by us")
          .isGreaterThan(created);
    }
  }

  private static long createSlot(PostgresServer pg) {
    pg.superuserSql().execute("CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".captured (id int PRIMARY KEY)",
        "CREATE TABLE " + SCHEMA + ".other (id serial PRIMARY KEY, s text)",
        "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + SCHEMA + ".captured");
    Object lsn = pg.superuserSql().scalar(
        "SELECT lsn::text FROM pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
    return LogSequenceNumber.valueOf(lsn.toString()).asLong();
  }

  private static Connection replicationConnection(PostgresServer pg) throws Exception {
    Properties props = new Properties();
    PGProperty.USER.set(props, PostgresServer.SUPERUSER);
    PGProperty.PASSWORD.set(props, "");
    PGProperty.REPLICATION.set(props, "database");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "9.4");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    return DriverManager.getConnection(pg.jdbcUrl(), props);
  }

  /** As Debezium 1.9 starts it: slot, position, pgoutput's options, a status interval, then one status update. */
  private static PGReplicationStream start(Connection replication, long from,
      UnaryOperator<ChainedLogicalStreamBuilder> extra) throws Exception {
    ChainedLogicalStreamBuilder builder = replication.unwrap(PGConnection.class).getReplicationAPI()
        .replicationStream().logical()
        .withSlotName(SLOT)
        .withStartPosition(LogSequenceNumber.valueOf(from))
        .withSlotOption("proto_version", 1)
        .withSlotOption("publication_names", PUBLICATION)
        .withStatusInterval(200, TimeUnit.MILLISECONDS);
    PGReplicationStream stream = extra.apply(builder).start();
    stream.forceUpdateStatus();
    return stream;
  }

  /**
   * Commits to a table outside the publication for 3 s while reading the stream: no message arrives, but
   * the walsender sends keepalives with its moving position (the client's reported position is behind it).
   */
  private static void writeOtherTablesWhileReading(PostgresServer pg, PGReplicationStream stream) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    int round = 0;
    while (System.nanoTime() < until) {
      pg.superuserSql().execute("INSERT INTO " + SCHEMA + ".other (s) SELECT md5(g::text) FROM generate_series(1, 100) g");
      assertThat(stream.readPending()).as("a message for a table outside the publication (round %d)", round).isNull();
      round++;
      Thread.sleep(50);
    }
    // Two more status intervals, reading, so that whatever the stream holds as flushed is reported.
    long reported = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
    while (System.nanoTime() < reported) {
      assertThat(stream.readPending()).isNull();
      Thread.sleep(20);
    }
  }

  private static void awaitConfirmed(PostgresServer pg, long atLeast) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (confirmed(pg) < atLeast && System.nanoTime() < until) {
      Thread.sleep(50);
    }
  }

  private static long confirmed(PostgresServer pg) {
    Object lsn = pg.superuserSql().scalar(
        "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
    return lsn == null ? 0 : LogSequenceNumber.valueOf(lsn.toString()).asLong();
  }
}
