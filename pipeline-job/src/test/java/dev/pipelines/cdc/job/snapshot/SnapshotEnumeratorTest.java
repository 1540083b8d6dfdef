package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.snapshot.TableProgress.Status;
import dev.pipelines.cdc.job.source.PublicationMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.junit.jupiter.api.Test;

/** Assignment and checkpoint state of a restored enumerator (no database: start() is not called). */
class SnapshotEnumeratorTest {
  private static final String SNAP = "00000003-0000001B-1";
  private static final SnapshotSettings SETTINGS = new SnapshotSettings(new HostPort("localhost", 5432), "db",
      new Credentials("u", "p", "u", "p"), "slot", "pub", PublicationMode.DISABLED,
      List.of(new dev.pipelines.cdc.job.catalog.SourceTable("s", "t", List.of(), List.of("id"), false)), 100);

  @Test
  void oneSplitPerRequestThenNoMoreAndTheStateIsTheUnassignedSplitsAsAValue() {
    Context context = new Context();
    List<SnapshotSplit> splits = List.of(split(0), split(1), split(2));
    SnapshotEnumerator enumerator = new SnapshotEnumerator(context, SETTINGS, false, state(splits, Status.READING));

    enumerator.handleSplitRequest(0, null);
    enumerator.handleSplitRequest(1, null);
    assertThat(context.assigned.get(0)).containsExactly(split(0));
    assertThat(context.assigned.get(1)).containsExactly(split(1));
    SnapshotState state = enumerator.snapshotState(1);
    assertThat(state.unassigned()).containsExactly(split(2));
    assertThat(state.snapshotName()).isEqualTo(SNAP);
    assertThat(state.consistentPoint()).isEqualTo("0/1");

    // Reader 1 fails: its split is read again, before the others.
    enumerator.addSplitsBack(List.of(split(1)), 1);
    assertThat(state.unassigned()).as("an earlier checkpoint's state does not change").containsExactly(split(2));
    enumerator.handleSplitRequest(0, null);
    assertThat(context.assigned.get(0)).containsExactly(split(0), split(1));
    enumerator.handleSplitRequest(1, null);
    enumerator.handleSplitRequest(0, null);
    enumerator.handleSplitRequest(1, null);
    assertThat(context.assigned.get(1)).containsExactly(split(1), split(2));
    assertThat(context.noMoreSplits).containsExactly(0, 1);
    assertThat(enumerator.snapshotState(2).unassigned()).isEmpty();
  }

  @Test
  void aTableIsDoneOnlyOnceACheckpointTakenAfterItsLastSplitCompletesAndOneReaderIsToldSo() {
    Context context = new Context();
    context.readers.addAll(List.of(0, 1));
    SnapshotEnumerator enumerator = new SnapshotEnumerator(context, SETTINGS, true,
        state(List.of(split(0), split(1), split(2)), Status.READING));
    enumerator.handleSourceEvent(0, new SnapshotEvents.SplitReport(true, List.of(), List.of()));
    enumerator.handleSourceEvent(1, new SnapshotEvents.SplitReport(true, List.of(), List.of()));
    for (int i = 0; i < 3; i++) {
      enumerator.handleSplitRequest(i % 2, null);
    }
    enumerator.handleSplitRequest(0, null);
    assertThat(context.noMoreSplits).as("the job's snapshot never ends its readers").isEmpty();
    enumerator.handleSourceEvent(0, new SnapshotEvents.SplitReport(false, List.of(), List.of(split(0).splitId(),
        split(2).splitId())));
    enumerator.snapshotState(5);
    enumerator.notifyCheckpointComplete(5);
    assertThat(context.events).noneMatch(e -> e instanceof SnapshotEvents.TableDone);

    enumerator.handleSourceEvent(1, new SnapshotEvents.SplitReport(false, List.of(), List.of(split(1).splitId())));
    assertThat(enumerator.snapshotState(6).tables()).singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(Status.READ));
    enumerator.notifyCheckpointComplete(5);
    assertThat(context.events).as("checkpoint 5 was taken before the last split finished")
        .noneMatch(e -> e instanceof SnapshotEvents.TableDone);
    enumerator.notifyCheckpointComplete(6);
    assertThat(context.events).contains(new SnapshotEvents.TableDone("s.t", 7));
    assertThat(context.events).contains(new SnapshotEvents.Progress(3, 3, 1, 1));
    assertThat(enumerator.snapshotState(7).tables()).singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(Status.DONE));
  }

  @Test
  void afterARestoreAnAssignedSplitNoReaderHoldsWasFinishedAndATableNoLongerCapturedIsLeftOut() {
    Context context = new Context();
    context.readers.addAll(List.of(0, 1));
    SnapshotSplit other = new SnapshotSplit("\"s\".\"gone\"#0", "s.gone", "\"s\".\"gone\"", SnapshotSplit.OPEN,
        SnapshotSplit.OPEN, SNAP);
    Map<String, String> open = new java.util.LinkedHashMap<>();
    List.of(split(0), split(1), split(2)).forEach(s -> open.put(s.splitId(), "s.t"));
    open.put(other.splitId(), "s.gone");
    SnapshotState checkpoint = new SnapshotState(List.of(split(2), other), open,
        List.of(new TableProgress("s.t", 7, 3, Status.READING), new TableProgress("s.gone", 8, 1, Status.READING)), 9,
        SNAP, "0/1");
    SnapshotEnumerator enumerator = new SnapshotEnumerator(context, SETTINGS, true, checkpoint);
    assertThat(enumerator.snapshotState(1).tables()).extracting(TableProgress::table).containsExactly("s.t");
    assertThat(enumerator.snapshotState(1).unassigned()).containsExactly(split(2));

    // split 0 was finished before the barrier (nobody holds it), reader 1 still holds split 1.
    enumerator.handleSourceEvent(0, new SnapshotEvents.SplitReport(true, List.of(), List.of()));
    assertThat(enumerator.snapshotState(2).open()).hasSize(3);
    enumerator.handleSourceEvent(1, new SnapshotEvents.SplitReport(true, List.of(split(1).splitId()), List.of()));
    assertThat(enumerator.snapshotState(3).open()).containsOnlyKeys(split(1).splitId(), split(2).splitId());
  }

  private static SnapshotState state(List<SnapshotSplit> splits, Status status) {
    Map<String, String> open = new java.util.LinkedHashMap<>();
    splits.forEach(s -> open.put(s.splitId(), s.table()));
    return new SnapshotState(splits, open, List.of(new TableProgress("s.t", 7, splits.size(), status)), 8, SNAP, "0/1");
  }

  private static SnapshotSplit split(int i) {
    return new SnapshotSplit("\"s\".\"t\"#" + i, "s.t", "\"s\".\"t\"", i == 0 ? SnapshotSplit.OPEN : i * 10L,
        i == 2 ? SnapshotSplit.OPEN : (i + 1) * 10L, SNAP);
  }

  /** Records assignments; the rest of the context is not used before start(). */
  private static final class Context implements SplitEnumeratorContext<SnapshotSplit> {
    final Map<Integer, List<SnapshotSplit>> assigned = new HashMap<>();
    final List<Integer> noMoreSplits = new ArrayList<>();
    final List<Integer> readers = new ArrayList<>();
    final List<SourceEvent> events = new ArrayList<>();

    @Override
    public void assignSplits(SplitsAssignment<SnapshotSplit> assignment) {
      assignment.assignment().forEach((reader, s) -> assigned.computeIfAbsent(reader, r -> new ArrayList<>()).addAll(s));
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
      noMoreSplits.add(subtask);
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
      events.add(event);
    }

    @Override
    public int currentParallelism() {
      return 2;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
      Map<Integer, ReaderInfo> registered = new java.util.TreeMap<>();
      readers.forEach(r -> registered.put(r, new ReaderInfo(r, "localhost")));
      return registered;
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
      throw new UnsupportedOperationException();
    }
  }
}
