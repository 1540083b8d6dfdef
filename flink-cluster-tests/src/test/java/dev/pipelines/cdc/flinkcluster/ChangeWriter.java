package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes to the source while a fault happens, as an application would: transactions of inserts,
 * updates and deletes over both tables, one after another, until stopped. Every change is unique (new
 * ids, an update writes a value no other change writes, an id is inserted once), so the emulator's
 * journal can tell a change made visible twice from two changes. A failed transaction (the server is
 * down) is given up and the writer carries on once it can connect again: what counts is the state
 * Postgres ends with, which the comparison reads.
 */
final class ChangeWriter implements AutoCloseable {
  /** Ids of inserted orders start here, far above the initial rows. */
  static final long FIRST_NEW_ID = 10_000_000L;

  private final PostgresServer pg;
  private final SourceTables tables;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running = true;
  private final Thread thread;

  private ChangeWriter(PostgresServer pg, SourceTables tables) {
    this.pg = pg;
    this.tables = tables;
    this.thread = new Thread(this::run, "change-writer-" + tables.schema());
    this.thread.setDaemon(true);
  }

  /** One writer per test's tables: its numbers are what makes each change unique. */
  static ChangeWriter start(PostgresServer pg, SourceTables tables) {
    ChangeWriter writer = new ChangeWriter(pg, tables);
    writer.thread.start();
    return writer;
  }

  private void run() {
    Connection c = null;
    while (running) {
      try {
        if (c == null) {
          c = pg.superuserConnection();
          c.setAutoCommit(false);
        }
        writeOneTransaction(c);
        committed.incrementAndGet();
        Thread.sleep(25);
      } catch (SQLException e) {
        failed.incrementAndGet();
        c = closeQuietly(c);
        pause(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closeQuietly(c);
  }

  private void writeOneTransaction(Connection c) throws SQLException {
    long seq = sequence.incrementAndGet();
    String s = tables.schema();
    long newId = FIRST_NEW_ID + 3 * seq;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO " + s + ".orders (id, customer_id, amount, placed, note, doc) VALUES ("
          + newId + ", 1, " + (seq % 100_000) + ".25, date '2025-01-01' + " + (seq % 365) + ", 'w" + seq + "',"
          + " '{\"seq\": " + seq + "}'), (" + (newId + 1) + ", 2, 0.01, '2025-02-02', NULL, NULL), ("
          + (newId + 2) + ", 3, 99.99, '2025-03-03', 'w" + seq + " third', '[1, 2]')");
      st.executeUpdate("UPDATE " + s + ".orders SET amount = amount + 1, note = 'u" + seq + "' WHERE id = "
          + (1 + random.nextInt(tables.orders())));
      st.executeUpdate("UPDATE " + s + ".orders SET note = 'u" + seq + " new' WHERE id = " + (newId - 3));
      st.executeUpdate("UPDATE " + s + ".customers SET name = 'c" + seq + "', vip = NOT vip WHERE id = "
          + (1 + random.nextInt(tables.customers())));
      st.executeUpdate("DELETE FROM " + s + ".orders WHERE id IN (" + (1 + random.nextInt(tables.orders())) + ", "
          + (newId - 29) + ")");
      c.commit();
    } catch (SQLException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is gone; the transaction with it
      }
      throw e;
    }
  }

  /** Stops writing and waits for the transaction in flight. */
  void stop() {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * After {@link #stop()}: {@code transactions} more, on the calling thread, retried until they commit
   * (the source may just be coming back), so that changes made after a fault are checked too.
   */
  void writeMore(int transactions) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    int done = 0;
    while (done < transactions) {
      try (Connection c = pg.superuserConnection()) {
        c.setAutoCommit(false);
        writeOneTransaction(c);
        committed.incrementAndGet();
        done++;
      } catch (SQLException e) {
        failed.incrementAndGet();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot write to " + tables.schema() + " for 120 s", e);
        }
        pause(500);
      }
    }
  }

  long committedTransactions() {
    return committed.get();
  }

  long failedTransactions() {
    return failed.get();
  }

  @Override
  public void close() {
    stop();
  }

  private static Connection closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
    return null;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
