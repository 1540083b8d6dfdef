package dev.pipelines.cdc.apiserver;

import dev.pipelines.cdc.operator.database.Databases;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Databases whose source preflight can be held: while the gate is closed, a reconcile that
 * reaches preflight (after it has read the pipeline and its Secrets, before it writes anything)
 * waits there. A test can so act at a known point in the middle of a reconcile.
 */
final class GatedDatabases {
  private final Databases delegate;
  private volatile CountDownLatch open = new CountDownLatch(0);
  private final Semaphore arrived = new Semaphore(0);

  GatedDatabases(Databases delegate) {
    this.delegate = delegate;
  }

  Databases databases() {
    return new Databases((target, selection) -> {
      CountDownLatch gate = open;
      if (gate.getCount() > 0) {
        arrived.release();
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.source().inspect(target, selection);
    }, delegate.sink(), delegate.cleaner());
  }

  /** Reconciles that reach preflight from now on wait there. */
  void close() {
    arrived.drainPermits();
    open = new CountDownLatch(1);
  }

  /** Waits until a reconcile is held at the gate. */
  void awaitHeld(Duration timeout) {
    try {
      if (!arrived.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("no reconcile reached preflight within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Lets every held reconcile, and all later ones, through. */
  void open() {
    open.countDown();
  }
}
