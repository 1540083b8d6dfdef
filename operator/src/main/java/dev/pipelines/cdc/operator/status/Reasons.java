package dev.pipelines.cdc.operator.status;

/** Machine-readable condition reasons (CamelCase, stable: automation may match on them). */
public final class Reasons {
  public static final String VALID = "Valid";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRETS_FOUND = "SecretsFound";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_MISSING = "SecretKeyMissing";
  public static final String NOT_CHECKED = "NotChecked";
  public static final String NOT_DEPLOYED = "NotDeployed";
  public static final String DEPLOYING = "Deploying";
  public static final String RUNNING = "Running";
  public static final String SUSPENDED = "Suspended";
  public static final String JOB_FAILED = "JobFailed";
  /** The job stopped on a row StarRocks refused or a value it cannot convert (JobStopReason, shared with the job). */
  public static final String ROW_REJECTED = dev.pipelines.cdc.config.JobStopReason.ROW_REJECTED.reason();
  /** The job stopped on a TRUNCATE of a captured table. */
  public static final String TRUNCATE_NOT_REPLICATED = dev.pipelines.cdc.config.JobStopReason.TRUNCATE_NOT_REPLICATED.reason();
  /**
   * The job stopped itself without restarts, but the Flink operator's error does not show which stop
   * (it kept too few causes); held like RowRejected.
   */
  public static final String JOB_STOPPED = "JobStopped";
  /** The job stopped because a captured table gained or lost columns; the Flink operator starts it again. */
  public static final String SCHEMA_CHANGED = dev.pipelines.cdc.config.JobStopReason.SCHEMA_CHANGED.reason();
  /** Writing the pipeline's objects failed (API error, conflict...); it is retried with backoff. */
  public static final String RECONCILE_ERROR = "ReconcileError";


  // Preflight: SourceReady and SinkReady.
  public static final String PREFLIGHT_PASSED = "PreflightPassed";
  public static final String WAL_LEVEL_NOT_LOGICAL = "WalLevelNotLogical";
  public static final String MISSING_REPLICATION_PRIVILEGE = "MissingReplicationPrivilege";
  public static final String TABLE_NOT_FOUND = "TableNotFound";
  public static final String MISSING_SELECT_PRIVILEGE = "MissingSelectPrivilege";
  public static final String MISSING_PRIMARY_KEY = "MissingPrimaryKey";
  public static final String NO_FREE_REPLICATION_SLOTS = "NoFreeReplicationSlots";
  /**
   * The selected tables' StarRocks names are refused by StarRocks or meet in one table (the job's
   * rule, TargetNames): the job would refuse to start.
   */
  public static final String TARGET_TABLES_INVALID = "TargetTablesInvalid";
  /** The publication is missing and the user may not create it (the job would fail doing so). */
  public static final String PUBLICATION_NOT_CREATABLE = "PublicationNotCreatable";
  /** The publication lacks selected tables and the user may not add them. */
  public static final String PUBLICATION_INCOMPLETE = "PublicationIncomplete";
  public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
  public static final String DATABASE_NOT_FOUND = "DatabaseNotFound";
  /** Connection refused, timed out, host unknown, server starting: retried with backoff. */
  public static final String UNREACHABLE = "Unreachable";
  /** Any other database error during a check: retried with backoff. */
  public static final String CHECK_FAILED = "CheckFailed";

  // Warnings: SourceWarnings and SlotLagging.
  public static final String REPLICA_IDENTITY_NOT_FULL = "ReplicaIdentityNotFull";
  public static final String NO_WARNINGS = "NoWarnings";
  public static final String LAG_ABOVE_THRESHOLD = "LagAboveThreshold";
  public static final String LAG_WITHIN_THRESHOLD = "LagWithinThreshold";
  public static final String SLOT_NOT_CREATED = "SlotNotCreated";
  public static final String SLOT_UNREADABLE = "SlotUnreadable";

  // Deletion: Cleanup condition and events.
  public static final String WAITING_FOR_FLINK_DEPLOYMENT = "WaitingForFlinkDeployment";
  public static final String SLOT_ACTIVE = "SlotActive";
  public static final String CLEANUP_FAILED = "CleanupFailed";
  public static final String SLOT_DROPPED = "SlotDropped";
  public static final String PUBLICATION_NOT_DROPPED = "PublicationNotDropped";
  public static final String CLEANUP_SKIPPED = "CleanupSkipped";

  private Reasons() {}
}
