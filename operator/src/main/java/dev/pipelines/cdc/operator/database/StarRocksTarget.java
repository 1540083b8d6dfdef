package dev.pipelines.cdc.operator.database;

/**
 * A StarRocks FE's MySQL port and the user the job loads as, read from its Secret.
 *
 * @param createTables the pipeline may create the database, so a missing one is fine
 * @param password never logged: {@link #toString()} leaves it out
 */
public record StarRocksTarget(String jdbcUrl, String database, boolean createTables, String user, String password) {
  @Override
  public String toString() {
    return "StarRocksTarget[" + user + "@" + jdbcUrl + "/" + database + "]";
  }
}
