package dev.pipelines.cdc.job.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.job.Credentials;
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
      new Credentials("u", "p", "u", "p"), "slot", "pub", PublicationMode.DISABLED, List.of(), 100);

  @Test
  void oneSplitPerRequestThenNoMoreAndTheStateIsTheUnassignedSplitsAsAValue() {
    Context context = new Context();
    List<SnapshotSplit> splits = List.of(split(0), split(1), split(2));
    SnapshotEnumerator enumerator = new SnapshotEnumerator(context, SETTINGS,
        new SnapshotState(splits, 3, SNAP, "0/1"));

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
  void everyRegisteredReaderIsSentTheCountsWhenTheyChangeAndAReaderThatJoinsIsSentThemOnItsRequest() {
    Context context = new Context();
    context.readers.put(0, new ReaderInfo(0, "h"));
    SnapshotSettings twoTables = new SnapshotSettings(SETTINGS.server(), "db", SETTINGS.credentials(), "slot", "pub",
        PublicationMode.DISABLED, List.of(table("s", "t"), table("s", "u")), 100);
    List<SnapshotSplit> splits = List.of(split(0), split(1), split(2));
    SnapshotEnumerator enumerator = new SnapshotEnumerator(context, twoTables, new SnapshotState(splits, 3, SNAP, "0/1"));

    enumerator.handleSplitRequest(0, null);
    assertThat(context.events.get(0)).as("the first request brings the counts").containsExactly(
        new SnapshotProgress(3, 0, 2, 1));
    context.readers.put(1, new ReaderInfo(1, "h"));
    enumerator.addReader(1);
    enumerator.handleSplitRequest(1, null);
    assertThat(context.events.get(1)).containsExactly(new SnapshotProgress(3, 0, 2, 1));
    assertThat(context.events.get(0)).as("nothing changed for reader 0").hasSize(1);

    enumerator.handleSplitRequest(0, null); // split 0 done, split 2 assigned
    enumerator.handleSplitRequest(1, null); // split 1 done, no more
    enumerator.handleSplitRequest(0, null); // split 2 done
    SnapshotProgress allDone = new SnapshotProgress(3, 3, 2, 2);
    assertThat(context.events.get(0)).containsExactly(new SnapshotProgress(3, 0, 2, 1), new SnapshotProgress(3, 1, 2, 1),
        new SnapshotProgress(3, 2, 2, 1), allDone);
    assertThat(context.events.get(1)).last().isEqualTo(allDone);
  }

  private static dev.pipelines.cdc.job.catalog.SourceTable table(String schema, String name) {
    return new dev.pipelines.cdc.job.catalog.SourceTable(schema, name, List.of(), List.of(), false);
  }

  private static SnapshotSplit split(int i) {
    return new SnapshotSplit("\"s\".\"t\"#" + i, "s.t", "\"s\".\"t\"", i == 0 ? SnapshotSplit.OPEN : i * 10L,
        i == 2 ? SnapshotSplit.OPEN : (i + 1) * 10L, SNAP);
  }

  /** Records assignments; the rest of the context is not used before start(). */
  private static final class Context implements SplitEnumeratorContext<SnapshotSplit> {
    final Map<Integer, List<SnapshotSplit>> assigned = new HashMap<>();
    final List<Integer> noMoreSplits = new ArrayList<>();
    final Map<Integer, ReaderInfo> readers = new HashMap<>();
    final Map<Integer, List<SourceEvent>> events = new HashMap<>();

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
      events.computeIfAbsent(subtaskId, r -> new ArrayList<>()).add(event);
    }

    @Override
    public int currentParallelism() {
      return 2;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
      return readers;
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
