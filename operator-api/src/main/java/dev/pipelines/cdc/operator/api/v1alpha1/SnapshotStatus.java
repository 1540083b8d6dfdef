package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How far the pipeline's initial snapshot is, read from the Flink job's metrics through the
 * JobManager's REST API. Absent when the pipeline takes no snapshot (startupMode latest).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotStatus(
    @JsonPropertyDescription("Pending, Running, Done, or Unknown when the job's figures could not be read"
            + " (the figures below are then as last read).")
        SnapshotPhase phase,
    @JsonPropertyDescription("Summary for people, the printer column Snapshot: the percent done (e.g. 42%),"
            + " done, pending or unknown.")
        String progress,
    @JsonPropertyDescription("Whole percent done: rows copied of rowsEstimated when PostgreSQL has an estimate,"
            + " else splits done of splitsTotal; 100 only when every split has been read.")
        Integer percent,
    @JsonPropertyDescription("Captured tables read to the end.") Integer tablesDone,
    @JsonPropertyDescription("Captured tables.") Integer tablesTotal,
    @JsonPropertyDescription("Splits (block ranges of about spec.source.postgres.snapshotChunkSize rows) read to the end.")
        Integer splitsDone,
    @JsonPropertyDescription("Splits the snapshot was planned in.") Integer splitsTotal,
    @JsonPropertyDescription("Rows the snapshot has read so far (a split read again after a restart counts twice).")
        Long rowsCopied,
    @JsonPropertyDescription("PostgreSQL's estimate of the captured tables' rows (pg_class.reltuples, kept by"
            + " ANALYZE and autovacuum); absent when a table was never analyzed.")
        Long rowsEstimated,
    @JsonPropertyDescription("When anything above last changed (RFC 3339).") String lastUpdated,
    @JsonPropertyDescription("Why the phase is Pending or Unknown.") String message) {}
