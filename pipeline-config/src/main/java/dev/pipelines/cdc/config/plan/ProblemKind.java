package dev.pipelines.cdc.config.plan;

/**
 * Why a pipeline cannot start on this source, in the order preflight reports them (the operator
 * shows the first kind found; the job refuses with all of them).
 */
public enum ProblemKind {
  /** An include pattern selects no table (none matches, or all its matches are excluded). */
  TABLE_NOT_FOUND,
  /** A transform names no captured table, a column the table lacks, or drops a key column ({@link TableTransforms}). */
  TRANSFORM_INVALID,
  /** The user may not SELECT from a selected table (the snapshot would fail). */
  NOT_SELECTABLE,
  /** A selected table has no primary key (StarRocks primary-key tables and key-split snapshots need one). */
  NO_PRIMARY_KEY,
  /** A StarRocks table or column name is refused, two sources meet in one table, or a name flink-cdc cannot read back. */
  TARGET_NAMES_INVALID,
  /** The publication does not exist and the user may not create it. */
  PUBLICATION_NOT_CREATABLE,
  /** The publication lacks selected tables and the user may not add them. */
  PUBLICATION_INCOMPLETE,
  /**
   * The publication exists but does not publish every kind of change, or publishes partitioned
   * tables as their partitions ({@link PublicationCoverage}): the job does not change it.
   */
  PUBLICATION_UNSUITABLE
}
