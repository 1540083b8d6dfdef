package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.emulator.load.RowChange;
import dev.pipelines.cdc.emulator.load.VisibleChangesListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the row changes that became visible in the emulator's store, per table, and remembers when
 * the count last moved: the moment the sink reached a state is read off this, without polling the store.
 */
public final class VisibleCounter implements VisibleChangesListener {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private volatile long lastChangeNanos;

  @Override
  public void visible(String qualifiedTable, List<RowChange> changes) {
    counts.computeIfAbsent(qualifiedTable, k -> new AtomicLong()).addAndGet(changes.size());
    lastChangeNanos = System.nanoTime();
  }

  public long count(String qualifiedTable) {
    AtomicLong c = counts.get(qualifiedTable);
    return c == null ? 0 : c.get();
  }

  public void reset(String qualifiedTable) {
    counts.remove(qualifiedTable);
  }

  /**
   * Waits until {@code qualifiedTable} has seen at least {@code expected} changes and returns the
   * System.nanoTime() at which the last of them became visible.
   */
  public long awaitAtLeast(String qualifiedTable, long expected, long timeoutSeconds, JobRun job)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (count(qualifiedTable) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(qualifiedTable + ": " + count(qualifiedTable) + " of " + expected
            + " changes visible after " + timeoutSeconds + " s");
      }
      job.checkAlive();
      Thread.sleep(20);
    }
    return lastChangeNanos;
  }
}
