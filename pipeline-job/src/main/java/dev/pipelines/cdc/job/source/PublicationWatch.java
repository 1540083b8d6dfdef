package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.endpoint.HostPort;
import dev.pipelines.cdc.config.plan.CatalogQuery;
import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.PublicationCoverage;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.JobConnections;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.failure.SqlErrors;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks, every {@link #PERIOD} on the JobManager, whether the publication still carries every change
 * of the captured tables ({@link PublicationCoverage#whileRunning}), and stops the job when it does
 * not. pgoutput filters by publication as it decodes, so a table someone removes from it (or a
 * {@code publish} without deletes) just goes quiet: no error anywhere, and StarRocks drifts from
 * the source for good. A stop within a period bounds what is lost before someone looks.
 *
 * <p>It runs as a periodic call of the source coordinator ({@code callAsync}), started with the
 * source's enumerator ({@link #around}): the query in the coordinator's worker thread, the stop in
 * its own thread, which fails the job. A failed query is logged and asked again next period (a
 * check that cannot run is no reason to stop the pipeline).
 */
public final class PublicationWatch implements Callable<Optional<String>>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublicationWatch.class);
  /** Often enough that little goes unseen, rarely enough to cost nothing (one catalog query). */
  public static final Duration PERIOD = Duration.ofSeconds(30);

  private final HostPort server;
  private final String database;
  private final Credentials credentials;
  private final String publication;
  private final Set<String> captured;

  public PublicationWatch(HostPort server, String database, Credentials credentials, String publication,
      List<String> captured) {
    this.server = server;
    this.database = database;
    this.credentials = credentials;
    this.publication = publication;
    this.captured = Set.copyOf(captured);
  }

  /** {@code source}, with this watch running in its coordinator (see {@link WatchedSource}). */
  public <T, S extends SourceSplit, E> Source<T, S, E> around(Source<T, S, E> source) {
    return new WatchedSource<>(source, this);
  }

  /** Starts the watch on {@code context}, first after {@code period}. */
  public void start(SplitEnumeratorContext<?> context, Duration period) {
    LOG.info("watching publication {} for the {} captured tables every {} s", publication, captured.size(),
        period.toSeconds());
    context.callAsync(this, PublicationWatch::handle, period.toMillis(), period.toMillis());
  }

  /** One check: why the job must stop, or empty. */
  @Override
  public Optional<String> call() throws SQLException {
    try (Connection pg = JobConnections.postgres(server, database, credentials)) {
      SourceCatalog catalog = CatalogQuery.read(pg, publication);
      List<CatalogTable> tables = catalog.tables().stream().filter(t -> captured.contains(t.qualifiedName())).toList();
      return PublicationCoverage.whileRunning(publication, catalog.publication(), tables);
    }
  }

  /** In the coordinator's thread: a thrown stop fails the job (without restarts). */
  static void handle(Optional<String> stop, Throwable error) {
    if (error != null) {
      LOG.warn("checking the publication failed, asking again in {} s: {}", PERIOD.toSeconds(),
          error instanceof SQLException e ? SqlErrors.oneLine(e) : error.toString());
      return;
    }
    if (stop.isPresent()) {
      throw PipelineStop.stop(JobStopReason.SOURCE_NOT_READY, stop.get(), null);
    }
  }
}
