package dev.pipelines.cdc.operator.progress;

import dev.pipelines.cdc.config.progress.FlinkRestClient;
import dev.pipelines.cdc.config.progress.SnapshotProgressReader;
import dev.pipelines.cdc.config.progress.StreamStartReader;
import dev.pipelines.cdc.operator.status.SnapshotObservation;
import dev.pipelines.cdc.operator.status.StreamObservation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * The snapshot's progress ({@link SnapshotProgressReader}) and the stream's start ({@link StreamStartReader})
 * from the JobManager's REST API: a few
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

  @Override
  public boolean readsStream() {
    return true;
  }

  @Override
  public StreamObservation stream(FlinkDeployment deployment, String jobId) {
    URI base = address.of(deployment);
    try {
      StreamStartReader.Reading reading = new StreamStartReader(new FlinkRestClient(base, TIMEOUT, http)).read(jobId);
      if (reading instanceof StreamStartReader.Started s) {
        return s.started() ? new StreamObservation.Started() : new StreamObservation.NotStarted();
      }
      if (reading instanceof StreamStartReader.NoRunningJob none) {
        return new StreamObservation.NotYet(none.jobId() == null ? "the JobManager at " + base + " runs no job yet"
            : "job " + none.jobId() + " is " + none.jobState() + ", not RUNNING");
      }
      return new StreamObservation.NotYet("job " + ((StreamStartReader.NotReported) reading).jobId()
          + " reports no stream metrics yet (the JobManager fetches metrics every 10 s)");
    } catch (IOException | RuntimeException e) {
      return new StreamObservation.Unreadable("the JobManager's REST API at " + base + " could not be read: "
          + describe(e));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
