package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.operator.database.DatabaseReasons;

/**
 * Machine-readable condition reasons (CamelCase, stable: automation may match on them). The reasons
 * the database checks produce are defined beside them ({@link DatabaseReasons}, so that package does
 * not depend on this one) and re-exported here: this stays the one list.
 */
public final class Reasons {
  public static final String VALID = "Valid";
  public static final String INVALID_SPEC = DatabaseReasons.INVALID_SPEC;
  public static final String SECRETS_FOUND = "SecretsFound";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_MISSING = "SecretKeyMissing";
  public static final String NOT_CHECKED = "NotChecked";
  public static final String NOT_DEPLOYED = "NotDeployed";
  public static final String DEPLOYING = "Deploying";
  public static final String RUNNING = "Running";
  public static final String STREAM_STARTED = "StreamStarted";
  public static final String STREAM_NOT_STARTED = "StreamNotStarted";
  public static final String NOT_REPORTED_YET = "NotReportedYet";
  public static final String JOB_UNREADABLE = "JobUnreadable";
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
  public static final String PREFLIGHT_PASSED = DatabaseReasons.PREFLIGHT_PASSED;
  public static final String WAL_LEVEL_NOT_LOGICAL = DatabaseReasons.WAL_LEVEL_NOT_LOGICAL;
  public static final String MISSING_REPLICATION_PRIVILEGE = DatabaseReasons.MISSING_REPLICATION_PRIVILEGE;
  public static final String TABLE_NOT_FOUND = DatabaseReasons.TABLE_NOT_FOUND;
  /** A transform does not fit the tables it names (TableTransforms): the job would refuse to start. */
  public static final String TRANSFORM_INVALID = DatabaseReasons.TRANSFORM_INVALID;
  public static final String MISSING_SELECT_PRIVILEGE = DatabaseReasons.MISSING_SELECT_PRIVILEGE;
  public static final String MISSING_PRIMARY_KEY = DatabaseReasons.MISSING_PRIMARY_KEY;
  public static final String NO_FREE_REPLICATION_SLOTS = DatabaseReasons.NO_FREE_REPLICATION_SLOTS;
  /**
   * The selected tables' StarRocks names are refused by StarRocks or meet in one table (the job's
   * rule, TargetNames): the job would refuse to start.
   */
  public static final String TARGET_TABLES_INVALID = DatabaseReasons.TARGET_TABLES_INVALID;
  /** The publication is missing and the user may not create it (the job would fail doing so). */
  public static final String PUBLICATION_NOT_CREATABLE = DatabaseReasons.PUBLICATION_NOT_CREATABLE;
  /** The publication lacks selected tables and the user may not add them. */
  public static final String PUBLICATION_INCOMPLETE = DatabaseReasons.PUBLICATION_INCOMPLETE;
  public static final String AUTHENTICATION_FAILED = DatabaseReasons.AUTHENTICATION_FAILED;
  public static final String DATABASE_NOT_FOUND = DatabaseReasons.DATABASE_NOT_FOUND;
  /** Connection refused, timed out, host unknown, server starting: retried with backoff. */
  public static final String UNREACHABLE = DatabaseReasons.UNREACHABLE;
  /** Any other database error during a check: retried with backoff. */
  public static final String CHECK_FAILED = DatabaseReasons.CHECK_FAILED;

  // Warnings: SourceWarnings and SlotLagging.
  public static final String REPLICA_IDENTITY_NOT_FULL = "ReplicaIdentityNotFull";
  public static final String NO_WARNINGS = "NoWarnings";
  public static final String LAG_ABOVE_THRESHOLD = "LagAboveThreshold";
  public static final String LAG_WITHIN_THRESHOLD = "LagWithinThreshold";
  public static final String SLOT_NOT_CREATED = "SlotNotCreated";
  public static final String SLOT_UNREADABLE = "SlotUnreadable";

  // Deletion: Cleanup condition and events.
  public static final String WAITING_FOR_FLINK_DEPLOYMENT = "WaitingForFlinkDeployment";
  public static final String SLOT_ACTIVE = DatabaseReasons.SLOT_ACTIVE;
  public static final String CLEANUP_FAILED = "CleanupFailed";
  public static final String SLOT_DROPPED = DatabaseReasons.SLOT_DROPPED;
  public static final String PUBLICATION_NOT_DROPPED = "PublicationNotDropped";
  public static final String CLEANUP_SKIPPED = "CleanupSkipped";

  private Reasons() {}
}
