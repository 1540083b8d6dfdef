package dev.pipelines.cdc.job;

import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.testsupport.PostgresServer;
import java.time.Duration;

/**
 * The Postgres server is shared by every IT of a run and allows 10 replication slots: a test class
 * that creates one per test drops them after each, once the cancelled job has let go of them.
 */
final class TestSlots {
  private TestSlots() {}

  /** Drops every slot whose name starts with {@code prefix} (a test constant, never user input). */
  static void dropAll(PostgresServer pg, String prefix) {
    await().atMost(Duration.ofSeconds(60)).until(() -> pg.replicationSlots().stream()
        .noneMatch(slot -> slot.name().startsWith(prefix) && slot.active()));
    pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
        + " WHERE starts_with(slot_name, '" + prefix + "') AND NOT active");
  }
}
