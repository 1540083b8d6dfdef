package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.progress.FlinkRestClient;
import dev.pipelines.cdc.config.progress.SnapshotFigures;
import dev.pipelines.cdc.config.progress.SnapshotProgressReader;
import dev.pipelines.cdc.config.progress.StreamStartReader;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot's progress as the operator reads it, from the REST API of the mini-cluster that runs
 * the real job: the readers' gauges carry the enumerator's counts, the figures only grow, and at
 * the end every table and split is done and every row was counted once; the sink equals the source;
 * and the stream reader reports that its stream has begun.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
class SnapshotProgressIT {
  @TempDir
  Path checkpoints;

  @Test
  void figuresGrowToEveryTableSplitAndRow(PostgresServer pg, StarRocksEmulator sr) throws Exception {
    String schema = "progress";
    int customers = 300;
    int orders = 20_000;
    int items = 3;
    PipelineJobIT.createSourceTables(pg, schema, customers, orders, items);
    PipelineConfig config = PipelineJobIT.config(pg, sr, schema, schema, DeliverySemantic.AT_LEAST_ONCE);
    int port = freePort();
    Configuration rest = new Configuration();
    rest.set(RestOptions.BIND_PORT, String.valueOf(port));
    rest.set(RestOptions.PORT, port);
    rest.set(RestOptions.ADDRESS, "localhost");
    // Flink's default is 10 s: the JobManager would see this short snapshot only at its end.
    rest.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, 500L);

    try (RunningPipeline job = RunningPipeline.start(config, PipelineJobIT.credentials(sr), checkpoints, 2,
        Optional.empty(), false, rest)) {
      SnapshotProgressReader reader = new SnapshotProgressReader(
          new FlinkRestClient(URI.create("http://localhost:" + port + "/"), Duration.ofSeconds(10)));
      String jobId = job.client().getJobID().toHexString();
      List<SnapshotFigures> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (seen.isEmpty() || !seen.get(seen.size() - 1).done()) {
        assertThat(System.nanoTime()).as("the snapshot is done within 4 minutes; seen %s", seen).isLessThan(deadline);
        if (read(reader, jobId) instanceof SnapshotProgressReader.Figures f) {
          seen.add(f.figures());
        }
        Thread.sleep(200);
      }

      SnapshotFigures last = seen.get(seen.size() - 1);
      assertThat(last.tablesDone()).isEqualTo(3);
      assertThat(last.tablesTotal()).isEqualTo(3);
      assertThat(last.splitsTotal()).as("500-row splits").isGreaterThan(10);
      assertThat(seen).as("the counts while snapshotting").anyMatch(f -> f.splitsDone() > 0 && !f.done());
      for (int i = 1; i < seen.size(); i++) {
        SnapshotFigures before = seen.get(i - 1);
        SnapshotFigures after = seen.get(i);
        assertThat(after.splitsTotal()).isEqualTo(before.splitsTotal());
        assertThat(after.tablesTotal()).isEqualTo(3);
        assertThat(after.splitsDone()).isGreaterThanOrEqualTo(before.splitsDone());
        assertThat(after.tablesDone()).isGreaterThanOrEqualTo(before.tablesDone());
        assertThat(after.rowsCopied()).isGreaterThanOrEqualTo(before.rowsCopied());
      }
      if (job.restarts() == 0) {
        assertThat(last.rowsCopied()).as("every row read once").isEqualTo(customers + orders + (long) orders * items);
      }
      SinkEqualsSource.await(pg, sr, Duration.ofSeconds(120), SinkEqualsSource.threeTables(schema, schema));

      // Whether the stream has begun, as the operator reads it: the stream reader's gauge, over REST.
      StreamStartReader stream = new StreamStartReader(
          new FlinkRestClient(URI.create("http://localhost:" + port + "/"), Duration.ofSeconds(10)));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> stream.read(jobId), r -> r.equals(new StreamStartReader.Started(jobId, true)));
    }
  }

  /** A reading, or nothing while the mini-cluster's REST API is still starting. */
  private static SnapshotProgressReader.Reading read(SnapshotProgressReader reader, String jobId) {
    try {
      return reader.read(jobId);
    } catch (IOException notYet) {
      return new SnapshotProgressReader.NoRunningJob(jobId, null);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
