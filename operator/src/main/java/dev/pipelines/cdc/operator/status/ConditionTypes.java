package dev.pipelines.cdc.operator.status;

/** The condition types a CdcPipeline reports. */
public final class ConditionTypes {
  /** Summary: True when the job runs with the current spec. */
  public static final String READY = "Ready";
  /** The spec passed validation. */
  public static final String SPEC_VALID = "SpecValid";
  /** Both credential Secrets exist with the named keys. */
  public static final String CREDENTIALS_READY = "CredentialsReady";
  /** The Flink job is running. */
  public static final String JOB_RUNNING = "JobRunning";

  /**
   * The job's stream has begun: a checkpoint holds a stream position past the one it started from
   * (True), not yet (False, and Ready is False), or not known (Unknown). Absent without a FlinkDeployment.
   */
  public static final String STREAMING = "Streaming";

  /** Preflight of the source: wal_level, privileges, tables, keys, free slots. */
  public static final String SOURCE_READY = "SourceReady";
  /** Preflight of the sink: FE reachable, credentials accepted, database present or creatable. */
  public static final String SINK_READY = "SinkReady";
  /** Warning (True = there is one): something works but costs, e.g. REPLICA IDENTITY not FULL. */
  public static final String SOURCE_WARNINGS = "SourceWarnings";
  /** Warning (True = lagging): the slot's lag is above spec.source.postgres.maxLag. */
  public static final String SLOT_LAGGING = "SlotLagging";
  /** Only while deleting: what the slot clean-up waits for. */
  public static final String CLEANUP = "Cleanup";

  private ConditionTypes() {}
}
