package dev.pipelines.cdc.operator.database;

/**
 * Where and as whom the operator connects to the source database: the pipeline's own
 * replication user, read from its Secret.
 *
 * @param password never logged: {@link #toString()} leaves it out
 */
public record PostgresTarget(String host, int port, String database, String user, String password) {
  /** {@code host:port/database}, for messages. */
  public String address() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgresTarget[" + user + "@" + address() + "]";
  }
}
