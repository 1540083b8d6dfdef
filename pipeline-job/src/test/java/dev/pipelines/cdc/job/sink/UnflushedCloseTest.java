package dev.pipelines.cdc.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.starrocks.data.load.stream.StreamLoadManager;
import com.starrocks.data.load.stream.StreamLoadResponse;
import com.starrocks.data.load.stream.StreamLoadSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.junit.jupiter.api.Test;

/** Closing the connector's sink without its flush: the manager is reachable, and only aborted and closed. */
class UnflushedCloseTest {

  /**
   * Pins the connector's private field: renamed or retyped in another connector version, this fails.
   * (An instance cannot be built here: the connector's constructor asks a StarRocks for its version.)
   */
  @Test
  void theConnectorsSinkFunctionHoldsItsLoadManagerWhereWeLook() throws Exception {
    java.lang.reflect.Field field = com.starrocks.connector.flink.table.sink.StarRocksDynamicSinkFunctionV2.class
        .getDeclaredField(UnflushedClose.MANAGER_FIELD);

    assertThat(StreamLoadManager.class).isAssignableFrom(field.getType());
  }

  @Test
  void aSinkClosedBeforeItFinishedIsAbortedAndClosedButNeverFlushed() {
    RecordingManager manager = new RecordingManager();

    assertThat(UnflushedClose.close(new SinkHolding(manager))).isTrue();

    assertThat(manager.calls).containsExactly("snapshot", "abort", "close");
  }

  @Test
  void anotherSinkIsLeftToItsOwnClose() {
    assertThat(UnflushedClose.close(new SinkFunction<String>() {})).isFalse();
  }

  @Test
  void theWrappedSinkFlushesOnCloseOnlyAfterFinishing() throws Exception {
    RecordingManager failedOver = new RecordingManager();
    ConnectorShapedSink aborted = new ConnectorShapedSink(failedOver);
    new RejectionStoppingSink<>(aborted, java.util.Map.of(), java.util.Map.of(),
        dev.pipelines.cdc.config.DeliverySemantic.AT_LEAST_ONCE).close();
    assertThat(failedOver.calls).containsExactly("snapshot", "abort", "close");
    assertThat(aborted.calls).isEmpty();

    RecordingManager stopped = new RecordingManager();
    ConnectorShapedSink finished = new ConnectorShapedSink(stopped);
    RejectionStoppingSink<String> sink = new RejectionStoppingSink<>(finished, java.util.Map.of(), java.util.Map.of(),
        dev.pipelines.cdc.config.DeliverySemantic.AT_LEAST_ONCE);
    sink.finish();
    sink.close();
    assertThat(finished.calls).containsExactly("finish", "close");
    assertThat(stopped.calls).isEmpty();

    RecordingManager exactlyOnce = new RecordingManager();
    ConnectorShapedSink transactional = new ConnectorShapedSink(exactlyOnce);
    new RejectionStoppingSink<>(transactional, java.util.Map.of(), java.util.Map.of(),
        dev.pipelines.cdc.config.DeliverySemantic.EXACTLY_ONCE).close();
    assertThat(transactional.calls).containsExactly("close");
    assertThat(exactlyOnce.calls).isEmpty();
  }

  /** The connector's kind of sink function: rich, checkpointed, listening, its manager in {@code sinkManager}. */
  private static final class ConnectorShapedSink
      extends org.apache.flink.streaming.api.functions.sink.RichSinkFunction<String>
      implements org.apache.flink.streaming.api.checkpoint.CheckpointedFunction,
      org.apache.flink.api.common.state.CheckpointListener {
    @SuppressWarnings("unused")
    private final StreamLoadManager sinkManager;
    final List<String> calls = new ArrayList<>();

    ConnectorShapedSink(StreamLoadManager manager) {
      this.sinkManager = manager;
    }

    @Override
    public void finish() {
      calls.add("finish");
    }

    @Override
    public void close() {
      calls.add("close");
    }

    @Override
    public void snapshotState(org.apache.flink.runtime.state.FunctionSnapshotContext context) {}

    @Override
    public void initializeState(org.apache.flink.runtime.state.FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {}
  }

  /** Shaped as the connector's sink function: the manager in a private field of that name. */
  private static final class SinkHolding implements SinkFunction<String> {
    @SuppressWarnings("unused")
    private final StreamLoadManager sinkManager;

    SinkHolding(StreamLoadManager manager) {
      this.sinkManager = manager;
    }
  }

  private static final class RecordingManager implements StreamLoadManager {
    final List<String> calls = new ArrayList<>();

    @Override
    public void init() {
      calls.add("init");
    }

    @Override
    public void write(String uniqueKey, String database, String table, String... rows) {
      calls.add("write");
    }

    @Override
    public void callback(StreamLoadResponse response) {}

    @Override
    public void callback(Throwable e) {}

    @Override
    public void flush() {
      calls.add("flush");
    }

    @Override
    public StreamLoadSnapshot snapshot() {
      calls.add("snapshot");
      return null;
    }

    @Override
    public boolean prepare(StreamLoadSnapshot snapshot) {
      calls.add("prepare");
      return true;
    }

    @Override
    public boolean commit(StreamLoadSnapshot snapshot) {
      calls.add("commit");
      return true;
    }

    @Override
    public boolean abort(StreamLoadSnapshot snapshot) {
      calls.add("abort");
      return true;
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }
}
