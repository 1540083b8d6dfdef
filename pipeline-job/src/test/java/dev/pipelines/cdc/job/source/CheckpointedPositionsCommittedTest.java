package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.cdc.connectors.base.source.meta.split.StreamSplit;
import org.apache.flink.cdc.connectors.postgres.source.offset.PostgresOffset;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

class CheckpointedPositionsCommittedTest {
  @Test
  void checkpointsTakenBeforeTheStreamSplitArrivedAreNotPassedOn() throws Exception {
    Recording flinkCdc = new Recording();
    CheckpointedPositionsCommitted.Reader<String, SourceSplitBase> reader =
        new CheckpointedPositionsCommitted.Reader<>(flinkCdc);

    // The slot is being created: checkpoints 1 and 2 complete without the stream split.
    reader.snapshotState(1);
    reader.snapshotState(2);
    reader.notifyCheckpointComplete(1);
    // The split arrives between checkpoint 2's snapshot and its completion.
    flinkCdc.state = List.of(streamSplit());
    reader.notifyCheckpointComplete(2);
    reader.snapshotState(3);
    reader.notifyCheckpointComplete(3);
    reader.snapshotState(4);
    reader.notifyCheckpointComplete(4);

    // flink-cdc, told of 2, would have committed its live position (it recorded none for 2).
    assertThat(flinkCdc.completed).containsExactly(3L, 4L);
  }

  @Test
  void anAbortedOrSubsumedCheckpointIsNeverPassedOnLater() throws Exception {
    Recording flinkCdc = new Recording();
    flinkCdc.state = List.of(streamSplit());
    CheckpointedPositionsCommitted.Reader<String, SourceSplitBase> reader =
        new CheckpointedPositionsCommitted.Reader<>(flinkCdc);

    reader.snapshotState(5);
    reader.snapshotState(6);
    reader.snapshotState(7);
    reader.notifyCheckpointAborted(5);
    reader.notifyCheckpointComplete(7);
    reader.notifyCheckpointComplete(5);
    reader.notifyCheckpointComplete(6);

    assertThat(flinkCdc.completed).containsExactly(7L);
    assertThat(flinkCdc.aborted).containsExactly(5L);
  }

  @Test
  void aReaderWithoutTheStreamSplitIsToldOfNothing() throws Exception {
    Recording flinkCdc = new Recording();
    CheckpointedPositionsCommitted.Reader<String, SourceSplitBase> reader =
        new CheckpointedPositionsCommitted.Reader<>(flinkCdc);
    for (long id = 1; id <= 5; id++) {
      reader.snapshotState(id);
      reader.notifyCheckpointComplete(id);
    }
    assertThat(flinkCdc.completed).isEmpty();
  }

  private static StreamSplit streamSplit() {
    Map<String, String> offset = new HashMap<>();
    offset.put("lsn", "22249824");
    return new StreamSplit(StreamSplit.STREAM_SPLIT_ID, PostgresOffset.of(offset), PostgresOffset.NO_STOPPING_OFFSET,
        List.of(), new HashMap<>(), 0, false, false);
  }

  /** flink-cdc's reader as far as checkpoints go: what it holds in state, and what it was told. */
  private static final class Recording implements SourceReader<String, SourceSplitBase> {
    List<SourceSplitBase> state = List.of();
    final List<Long> completed = new ArrayList<>();
    final List<Long> aborted = new ArrayList<>();

    @Override
    public List<SourceSplitBase> snapshotState(long checkpointId) {
      return state;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completed.add(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
      aborted.add(checkpointId);
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) {
      return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return new CompletableFuture<>();
    }

    @Override
    public void addSplits(List<SourceSplitBase> splits) {}

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {}
  }
}
