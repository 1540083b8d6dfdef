package dev.pipelines.cdc.operator.database;

/**
 * Everything the operator does in the pipelines' databases, behind interfaces so the reconciler
 * can be tested with fakes.
 */
public record Databases(SourceInspector source, SinkInspector sink, SlotCleaner cleaner) {
  /** The real thing: JDBC with short connect and socket timeouts. */
  public static Databases jdbc() {
    JdbcPostgres postgres = new JdbcPostgres();
    return new Databases(postgres, new JdbcStarRocks(), postgres);
  }
}
