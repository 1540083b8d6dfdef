package dev.pipelines.cdc.operator.progress;

import dev.pipelines.cdc.config.progress.FlinkRestClient;
import dev.pipelines.cdc.config.progress.SnapshotProgressReader;
import dev.pipelines.cdc.operator.status.SnapshotObservation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * The snapshot's progress from the JobManager's REST API ({@link SnapshotProgressReader}): a few
 * GETs, each bounded by {@link #TIMEOUT}, so an unreachable JobManager delays a reconcile by
 * seconds at most and shows as Unknown.
 */
public final class RestSnapshotProgress implements SnapshotProgress {
  /** Per request: a JobManager on the cluster network answers these in milliseconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final JobManagerAddress address;
  /** One for every pipeline: a JDK client per call would start (and leave to the GC) a thread each time. */
  private final HttpClient http = FlinkRestClient.httpClient(TIMEOUT);

  public RestSnapshotProgress(JobManagerAddress address) {
    this.address = address;
  }

  public static RestSnapshotProgress inCluster() {
    return new RestSnapshotProgress(JobManagerAddress.restService());
  }

  @Override
  public SnapshotObservation read(FlinkDeployment deployment, String jobId, long rowsEstimated) {
    URI base = address.of(deployment);
    try {
      SnapshotProgressReader.Reading reading =
          new SnapshotProgressReader(new FlinkRestClient(base, TIMEOUT, http)).read(jobId);
      if (reading instanceof SnapshotProgressReader.Figures f) {
        return new SnapshotObservation.Read(f.figures(), rowsEstimated);
      }
      if (reading instanceof SnapshotProgressReader.NoRunningJob none) {
        return new SnapshotObservation.NotYet(none.jobId() == null ? "the JobManager at " + base + " runs no job yet"
            : "job " + none.jobId() + " is " + none.jobState() + ", not RUNNING");
      }
      return new SnapshotObservation.NotYet("job " + ((SnapshotProgressReader.NoSnapshotMetrics) reading).jobId()
          + " reports no snapshot figures yet (the JobManager fetches metrics every 10 s)");
    } catch (IOException | RuntimeException e) {
      return new SnapshotObservation.Unreadable("the JobManager's REST API at " + base + " could not be read: "
          + describe(e));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
