package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.junit.jupiter.api.Test;

class StreamSplitKeptTest {

  /** What reaches flink-cdc's enumerator, in order. */
  private static final class Recording implements SplitEnumerator<SourceSplit, String> {
    final List<String> calls = new ArrayList<>();

    @Override public void start() { calls.add("start"); }
    @Override public void handleSplitRequest(int subtask, String host) { calls.add("request " + subtask); }
    @Override public void addSplitsBack(List<SourceSplit> splits, int subtask) {
      calls.add("back " + splits.size() + " from " + subtask);
    }
    @Override public void addReader(int subtask) { calls.add("reader " + subtask); }
    @Override public String snapshotState(long checkpointId) { calls.add("snapshot " + checkpointId); return "state"; }
    @Override public void notifyCheckpointComplete(long checkpointId) { calls.add("complete " + checkpointId); }
    @Override public void close() { calls.add("close"); }
  }

  @Test
  void aFailedReadersEmptySplitsBackDoNotReachTheEnumeratorAndEverythingElseDoes() throws Exception {
    Recording flinkCdc = new Recording();
    SplitEnumerator<SourceSplit, String> kept = new StreamSplitKept.Enumerator<>(flinkCdc);
    SourceSplit stream = () -> "stream-split";

    kept.start();
    kept.addReader(0);
    kept.handleSplitRequest(0, "tm-1");
    kept.addSplitsBack(List.of(), 1);
    kept.addSplitsBack(List.of(stream), 0);
    assertThat(kept.snapshotState(3)).isEqualTo("state");
    kept.notifyCheckpointComplete(3);
    kept.close();

    assertThat(flinkCdc.calls).containsExactly("start", "reader 0", "request 0", "back 1 from 0", "snapshot 3",
        "complete 3", "close");
  }
}
