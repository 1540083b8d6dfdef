package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;

/**
 * A TRUNCATE of a captured table stops the pipeline, before any later change is emitted.
 *
 * <p>Why not apply it: StarRocks would have to empty the table exactly at the truncate's place in
 * the change order, but rows before it may still sit in the buffers of several parallel writers
 * (and, exactly-once, in open Stream Load transactions), and rows after it may be loaded by another
 * writer first; the connector offers no ordered "empty this table" between two loads. Why not skip
 * it (Debezium's default): StarRocks would keep every old row, silently, and the slot moves past it.
 *
 * <p>Why the way on is a fresh start into emptied tables: the job's last checkpoint is before the
 * truncate, so a restore replays up to it and stops again; and starting a new snapshot over the old
 * StarRocks rows keeps rows deleted in the meantime, in every table of the pipeline, not only the
 * truncated one.
 */
public final class TruncateStop implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Debezium's operation code of a truncate ({@code Envelope.Operation.TRUNCATE}). */
  static final String TRUNCATE_OP = "t";

  private final Map<String, String> starRocksTableBySource;

  /** @param starRocksTableBySource the StarRocks table ({@code db.table}) of each captured table ({@code schema.table}) */
  public TruncateStop(Map<String, String> starRocksTableBySource) {
    this.starRocksTableBySource = Map.copyOf(starRocksTableBySource);
  }

  /** For callers that know only the captured tables: the message then says "its StarRocks table". */
  static TruncateStop withoutTargetNames(java.util.Set<String> sources) {
    Map<String, String> unnamed = new java.util.HashMap<>();
    sources.forEach(s -> unnamed.put(s, "(the StarRocks table of " + s + ")"));
    return new TruncateStop(unnamed);
  }

  /** Throws the pipeline's stop if {@code record} is the truncate of a captured table. */
  void check(SourceRecord record) {
    if (!(record.value() instanceof Struct value) || value.schema().field("op") == null
        || !TRUNCATE_OP.equals(value.getString("op"))) {
      return;
    }
    Struct source = value.getStruct("source");
    String table = source.getString("schema") + "." + source.getString("table");
    if (!starRocksTableBySource.containsKey(table)) {
      return; // a table the publication still lists but this pipeline no longer selects
    }
    Object lsn = source.schema().field("lsn") == null ? null : source.get("lsn");
    throw PipelineStop.stop(JobStopReason.TRUNCATE_NOT_REPLICATED, message(table, lsn), null);
  }

  /** Postgres' own notation ({@code 0/16E8A58}), as {@code pg_current_wal_lsn()} shows it; Debezium gives a number. */
  static String lsnText(Object lsn) {
    if (!(lsn instanceof Long l)) {
      return String.valueOf(lsn);
    }
    return Long.toHexString(l >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
        + Long.toHexString(l & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
  }

  String message(String table, Object lsn) {
    String target = starRocksTableBySource.get(table);
    return "table " + table + " was truncated in Postgres" + (lsn == null ? "" : " (at LSN " + lsnText(lsn) + ")")
        + ". The pipeline does not replicate TRUNCATE and stopped before any later change: StarRocks table "
        + target + " still holds the rows from before the truncate. Resuming from the checkpoint replays up to"
        + " the truncate and stops again. To go on: (1) stop the pipeline; (2) in StarRocks, TRUNCATE TABLE every"
        + " table of this pipeline " + new TreeSet<>(starRocksTableBySource.values()) + " (a new snapshot does not"
        + " remove rows deleted in Postgres meanwhile, in any of them); (3) start the pipeline afresh with"
        + " startupMode initial, without its checkpoint and with a new replication slot: with the operator,"
        + " delete the CdcPipeline (which drops its slot) and apply it again; locally, drop the slot and run"
        + " without the state directory. See docs/pipeline-job.md, Changes and their edge cases";
  }
}
