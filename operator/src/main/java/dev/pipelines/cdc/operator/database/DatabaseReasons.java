package dev.pipelines.cdc.operator.database;

/**
 * The condition reasons this package's checks produce. Defined here, beside the checks, so that
 * {@code database} does not depend on {@code status} (which presents these results and depends on
 * this package); {@code status.Reasons} re-exports each one, so it stays
 * the one list of every reason the operator writes.
 */
public final class DatabaseReasons {
  // Preflight: SourceReady and SinkReady.
  public static final String PREFLIGHT_PASSED = "PreflightPassed";
  public static final String WAL_LEVEL_NOT_LOGICAL = "WalLevelNotLogical";
  public static final String MISSING_REPLICATION_PRIVILEGE = "MissingReplicationPrivilege";
  public static final String TABLE_NOT_FOUND = "TableNotFound";
  /** A transform names no captured table or a column its table lacks, or leaves out a key column. */
  public static final String TRANSFORM_INVALID = "TransformInvalid";
  public static final String MISSING_SELECT_PRIVILEGE = "MissingSelectPrivilege";
  public static final String MISSING_PRIMARY_KEY = "MissingPrimaryKey";
  public static final String NO_FREE_REPLICATION_SLOTS = "NoFreeReplicationSlots";
  /**
   * The selected tables' StarRocks names are refused by StarRocks or meet in one table (the shared
   * planning rule): the job would refuse to start.
   */
  public static final String TARGET_TABLES_INVALID = "TargetTablesInvalid";
  /** The publication is missing and the user may not create it (the job would refuse to start). */
  public static final String PUBLICATION_NOT_CREATABLE = "PublicationNotCreatable";
  /** The publication lacks selected tables and the user may not add them. */
  public static final String PUBLICATION_INCOMPLETE = "PublicationIncomplete";
  /**
   * The publication lacks a kind of change (publish = ...) or publishes partitioned tables as their
   * partitions (the shared rule, PublicationCoverage): the job would refuse to start.
   */
  public static final String PUBLICATION_UNSUITABLE = "PublicationUnsuitable";
  /** A spec value the connection refuses to use (the validator refuses it first). */
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
  public static final String DATABASE_NOT_FOUND = "DatabaseNotFound";
  /** Connection refused, timed out, host unknown, server starting: retried with backoff. */
  public static final String UNREACHABLE = "Unreachable";
  /** Any other database error during a check: retried with backoff. */
  public static final String CHECK_FAILED = "CheckFailed";

  // Deletion: Cleanup condition and events.
  public static final String SLOT_ACTIVE = "SlotActive";
  public static final String SLOT_DROPPED = "SlotDropped";

  private DatabaseReasons() {}
}
