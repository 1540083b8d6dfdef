package dev.pipelines.cdc.job.snapshot;

/**
 * Why {@code SET TRANSACTION SNAPSHOT} failed, by SQLSTATE (PostgreSQL's {@code ImportSnapshot},
 * {@code src/backend/utils/time/snapmgr.c}), and so what the reader does. Pure.
 */
enum SnapshotImport {
  /**
   * The export ended with its connection, for good: {@code snapshot "…" does not exist} (42704,
   * measured on PostgreSQL 17 once the exporting connection had closed), or its file still there
   * but {@code the source process … is not running anymore} (55000, a moment after it closed).
   * Retrying never brings it back; the reader reads in a fresh snapshot instead, which is still
   * exact (see {@link SnapshotTransaction}).
   */
  GONE,
  /**
   * The name can never be imported here: not a snapshot identifier (22023: the checkpoint's name is
   * corrupt), a snapshot of another database (0A000: the config's database changed under a
   * checkpoint). A fresh snapshot would be read from a different source than the one the slot
   * streams, so the job stops with the reason.
   */
  NEVER,
  /** Anything else (a lost connection, a server shutting down): a restart may succeed. */
  TRANSIENT;

  static SnapshotImport of(String sqlState) {
    if (sqlState == null) {
      return TRANSIENT;
    }
    return switch (sqlState) {
      case "42704", "55000" -> GONE;
      case "22023", "0A000" -> NEVER;
      default -> TRANSIENT;
    };
  }
}
