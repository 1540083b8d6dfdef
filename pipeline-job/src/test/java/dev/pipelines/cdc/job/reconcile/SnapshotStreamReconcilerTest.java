package dev.pipelines.cdc.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's rule on rows in a known order (one input, parallelism 1): a snapshot row of a key
 * the stream has already changed is dropped, one that comes first passes, rows of uncaptured tables
 * are dropped. (The "done" markers' order against rows depends on checkpoints: the ITs cover them.)
 */
class SnapshotStreamReconcilerTest {
  static final ConcurrentLinkedQueue<String> OUT = new ConcurrentLinkedQueue<>();

  @Test
  void aSnapshotRowNeverOverwritesANewerStreamedRow() throws Exception {
    OUT.clear();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<ChangeRow> rows = env.fromCollection(List.of(
        row("s.t", "1", "stream v2", ChangeRow.Origin.STREAM),
        row("s.t", "1", "snapshot v1", ChangeRow.Origin.SNAPSHOT),
        row("s.t", "2", "snapshot v1", ChangeRow.Origin.SNAPSHOT),
        row("s.t", "2", "stream v2", ChangeRow.Origin.STREAM),
        row("s.u", "1", "snapshot of another table, same key text", ChangeRow.Origin.SNAPSHOT),
        row("s.gone", "1", "stream of a table no longer captured", ChangeRow.Origin.STREAM)),
        TypeInformation.of(ChangeRow.class));
    DataStream<ChangeRow> noMarkers = env.fromCollection(List.<ChangeRow>of(), TypeInformation.of(ChangeRow.class));
    rows.keyBy(ChangeRow::routingKey)
        .connect(noMarkers.broadcast(SnapshotStreamReconciler.MARKERS))
        .process(new SnapshotStreamReconciler(Set.of("s.t", "s.u")), TypeInformation.of(ChangeRow.class))
        .addSink(new SinkFunction<>() {
          @Override
          public void invoke(ChangeRow row, Context context) {
            OUT.add(row.sourceTable + "/" + row.key + ": " + row.json);
          }
        });
    env.execute("reconciler-test");
    assertThat(OUT).containsExactly("s.t/1: stream v2", "s.t/2: snapshot v1", "s.t/2: stream v2",
        "s.u/1: snapshot of another table, same key text");
  }

  private static ChangeRow row(String table, String key, String json, ChangeRow.Origin origin) {
    ChangeRow row = new ChangeRow(table, key, json);
    row.origin = origin;
    return row;
  }
}
