package dev.pipelines.cdc.job.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flink-cdc's stream enumerator, started only once the {@link SlotGate} opens; until then reader
 * registrations, split requests and events wait here, in order, and are handed on when it does.
 *
 * <p>It opens after the slot was seen existing and idle on two looks in a row, {@link #LOOK_MILLIS}
 * apart: at a fresh start with an existing slot, the snapshot enumerator waits for the slot to be
 * idle (a previous attempt's reader letting go) and looks every 200 ms, so it has decided to keep
 * the slot before this stream's reader can take it. (flink-cdc's enumerator creates the slot if it
 * is missing: PostgresSourceEnumerator.createSlotForGlobalStreamSplit, 3.5.0.)
 */
final class SlotGatedEnumerator<S extends SourceSplit, C> implements SplitEnumerator<S, C> {
  private static final Logger LOG = LoggerFactory.getLogger(SlotGatedEnumerator.class);
  static final long LOOK_MILLIS = 500;
  private static final int LOGS_EVERY = 60;

  private final SplitEnumeratorContext<S> context;
  private final SplitEnumerator<S, C> delegate;
  private final SlotGate gate;
  private final List<Runnable> deferred = new ArrayList<>();
  private volatile boolean open;
  private int idleLooks;
  private int looks;

  SlotGatedEnumerator(SplitEnumeratorContext<S> context, SplitEnumerator<S, C> delegate, SlotGate gate) {
    this.context = context;
    this.delegate = delegate;
    this.gate = gate;
  }

  @Override
  public void start() {
    // The look runs in the coordinator's worker thread, the answer in its own thread.
    context.callAsync(() -> open ? null : gate.look(), this::onLook, 0, LOOK_MILLIS);
  }

  private void onLook(SlotGate.Look look, Throwable failure) {
    if (open) {
      return;
    }
    looks++;
    if (failure != null) {
      LOG.warn("looking for replication slot {} failed (trying again): {}", gate.slotName(), failure.toString());
      return;
    }
    idleLooks = look.idle() ? idleLooks + 1 : 0;
    if (idleLooks < 2) {
      if (looks % LOGS_EVERY == 0) {
        LOG.info("the stream waits for replication slot {}: {}", gate.slotName(), look.exists()
            ? "in use by backend " + look.activePid() : "not created yet (the snapshot creates it)");
      }
      return;
    }
    open = true;
    LOG.info("replication slot {} is there: the stream starts", gate.slotName());
    delegate.start();
    deferred.forEach(Runnable::run);
    deferred.clear();
  }

  private void whenOpen(Runnable action) {
    if (open) {
      action.run();
    } else {
      deferred.add(action);
    }
  }

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    whenOpen(() -> delegate.handleSplitRequest(subtask, requesterHostname));
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtask) {
    whenOpen(() -> delegate.addSplitsBack(splits, subtask));
  }

  @Override
  public void addReader(int subtask) {
    whenOpen(() -> delegate.addReader(subtask));
  }

  @Override
  public void handleSourceEvent(int subtask, SourceEvent event) {
    whenOpen(() -> delegate.handleSourceEvent(subtask, event));
  }

  /** Before the gate opens nothing was assigned: the delegate's state is its initial one. */
  @Override
  public C snapshotState(long checkpointId) throws Exception {
    return delegate.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (open) {
      delegate.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    if (open) {
      delegate.notifyCheckpointAborted(checkpointId);
    }
  }

  @Override
  public void close() throws java.io.IOException {
    delegate.close();
  }
}
