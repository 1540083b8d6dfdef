package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.pipelines.cdc.config.StartupMode;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A PostgreSQL database to capture changes from. */
public record PostgresSource(
    @Required
        @Size(min = 1, max = Patterns.MAX_HOST_LENGTH)
        @Pattern(Patterns.POSTGRES_HOST)
        @JsonPropertyDescription(
            "The PostgreSQL server: a DNS name (RFC 1123) or an IPv4 or IPv6 address, with no port,"
                + " scheme or parameters (the pipeline sets the connection options itself).")
        String host,
    @Default(DEFAULT_PORT_TEXT)
        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("Port of the PostgreSQL server. Default: " + DEFAULT_PORT_TEXT + ".")
        Integer port,
    @Required
        @Size(min = 1)
        @Pattern(Patterns.POSTGRES_DATABASE)
        @JsonPropertyDescription(
            "Database whose tables are captured: 1-63 ASCII letters, digits, '_' or '-', starting"
                + " with a letter or '_'.")
        String database,
    @Required
        @JsonPropertyDescription(
            "Secret with the replication user's credentials. The user needs the REPLICATION"
                + " attribute and SELECT on the captured tables.")
        SecretCredentials credentialsSecret,
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "Tables to capture: schema-qualified names (public.orders) or regular expressions"
                + " over schema-qualified names (public\\.orders_.*). Each table needs a primary key.")
        List<String> tables,
    @JsonPropertyDescription(
            "Schema-qualified names or regular expressions of tables to leave out of `tables`.")
        List<String> excludeTables,
    @Pattern(Patterns.PG_IDENTIFIER)
        @JsonPropertyDescription(
            "Logical replication slot owned by this pipeline. Default: derived from namespace and"
                + " name (cdc_<namespace>_<name>, shortened with a hash to 63 bytes). Changing it"
                + " abandons the old slot's position.")
        String slotName,
    @Pattern(Patterns.PG_IDENTIFIER)
        @JsonPropertyDescription(
            "Publication owned by this pipeline, created for the captured tables only. Default:"
                + " the same as the slot name.")
        String publicationName,
    @Default(DEFAULT_STARTUP_MODE)
        @JsonPropertyDescription(
            "initial: snapshot existing rows, then stream changes. latest-offset: stream only"
                + " changes made after the pipeline starts. Default: " + DEFAULT_STARTUP_MODE + ".")
        StartupMode startupMode,
    @Default(DEFAULT_SNAPSHOT_CHUNK_SIZE_TEXT)
        @Min(1)
        @Max(1_000_000)
        @JsonPropertyDescription(
            "Rows per snapshot chunk, the unit of parallel reading and of re-reading after a"
                + " failure. Each chunk costs a fixed 0.2-0.4 s (a new split reader, a watermark"
                + " query, a schema read), so small chunks slow the snapshot; rows stream through"
                + " (the job skips the per-chunk backfill), so the size does not hold rows in memory."
                + " Default: " + DEFAULT_SNAPSHOT_CHUNK_SIZE_TEXT + ".")
        Integer snapshotChunkSize,
    @Default(DEFAULT_DROP_SLOT_ON_DELETE)
        @JsonPropertyDescription(
            "Drop the replication slot and the publication when the pipeline is deleted (after its"
                + " Flink job is gone), so no forgotten slot keeps WAL on the server. The annotation"
                + " cdc.pipelines.dev/skip-cleanup: \"true\" skips this for one deletion. Default: "
                + DEFAULT_DROP_SLOT_ON_DELETE + ".")
        Boolean dropSlotOnDelete,
    @Default(DEFAULT_MAX_LAG)
        @Pattern(Patterns.BYTES)
        @JsonPropertyDescription(
            "Replication lag (WAL written since the slot's confirmed position) above which the"
                + " SlotLagging condition turns True: bytes, or a quantity such as 512Mi or 1Gi."
                + " Default: " + DEFAULT_MAX_LAG + ".")
        String maxLag) {

  // One String constant per default (see JobSpec): @Default, the description and the constructor.
  public static final String DEFAULT_PORT_TEXT = "5432";
  public static final int DEFAULT_PORT = Integer.parseInt(DEFAULT_PORT_TEXT);
  public static final String DEFAULT_STARTUP_MODE = "initial";
  public static final String DEFAULT_SNAPSHOT_CHUNK_SIZE_TEXT = "65536";
  public static final String DEFAULT_DROP_SLOT_ON_DELETE = "true";
  public static final String DEFAULT_MAX_LAG = "1Gi";

  public PostgresSource {
    port = port == null ? DEFAULT_PORT : port;
    tables = tables == null ? List.of() : List.copyOf(tables);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    startupMode = startupMode == null ? JsonEnums.of(StartupMode.class, DEFAULT_STARTUP_MODE) : startupMode;
    snapshotChunkSize = snapshotChunkSize == null ? Integer.valueOf(DEFAULT_SNAPSHOT_CHUNK_SIZE_TEXT) : snapshotChunkSize;
    dropSlotOnDelete = dropSlotOnDelete == null ? Boolean.valueOf(DEFAULT_DROP_SLOT_ON_DELETE) : dropSlotOnDelete;
    maxLag = maxLag == null ? DEFAULT_MAX_LAG : maxLag;
  }
}
