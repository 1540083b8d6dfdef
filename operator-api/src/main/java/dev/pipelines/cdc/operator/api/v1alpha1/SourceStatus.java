package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The pipeline's replication slot as last read from {@code pg_replication_slots}. The figures
 * stay as last read while the database cannot be reached (the SlotLagging condition says so).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceStatus(
    @JsonPropertyDescription("The logical replication slot the pipeline owns.") String slotName,
    @JsonPropertyDescription("The publication the pipeline owns.") String publicationName,
    @JsonPropertyDescription("Whether the slot exists. The Flink job creates it when it first starts.")
        Boolean slotExists,
    @JsonPropertyDescription("Whether a consumer (the Flink job) is connected to the slot.") Boolean active,
    @JsonPropertyDescription("The position up to which the job has confirmed changes (Postgres frees WAL before it).")
        String confirmedFlushLsn,
    @JsonPropertyDescription(
            "Bytes of WAL the server keeps for this slot: pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn).")
        Long retainedWalBytes,
    @JsonPropertyDescription(
            "Bytes of WAL written since the job's confirmed position:"
                + " pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn).")
        Long lagBytes) {

  /** Only the names: the slot has not been read (yet). */
  public static SourceStatus names(String slotName, String publicationName) {
    return new SourceStatus(slotName, publicationName, null, null, null, null, null);
  }
}
