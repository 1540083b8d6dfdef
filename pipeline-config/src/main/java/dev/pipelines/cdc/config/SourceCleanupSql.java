package dev.pipelines.cdc.config;

/**
 * The statements a person runs to drop what a pipeline leaves in Postgres (its replication slot and
 * publication), printed by the local runner when it stops and needed wherever the operator tells a
 * user to clean up by hand. Names come from a config a user may have written, so the slot reaches
 * SQL only as a quoted literal and the publication only as a quoted identifier: a printed statement
 * never runs more than it says, whatever the name holds.
 */
public final class SourceCleanupSql {

  private SourceCleanupSql() {}

  /** {@code SELECT pg_drop_replication_slot('slot');} */
  public static String dropSlot(String slotName) {
    return "SELECT pg_drop_replication_slot(" + quoteLiteral(slotName) + ");";
  }

  /** {@code DROP PUBLICATION IF EXISTS "publication";} */
  public static String dropPublication(String publicationName) {
    return "DROP PUBLICATION IF EXISTS " + quoteIdentifier(publicationName) + ";";
  }

  /**
   * A string literal as Postgres' own {@code quote_literal} writes it: quotes doubled, and with a
   * backslash the {@code E'...'} form with backslashes doubled, which reads the same whether
   * {@code standard_conforming_strings} is on or off.
   */
  static String quoteLiteral(String value) {
    rejectNul(value);
    String quoted = "'" + value.replace("'", "''") + "'";
    return value.indexOf('\\') < 0 ? quoted : "E" + quoted.replace("\\", "\\\\");
  }

  /** A quoted identifier: double quotes doubled (quoting also keeps its case). */
  static String quoteIdentifier(String name) {
    rejectNul(name);
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Postgres text cannot hold NUL, so no slot or publication has one: such a name is a wrong config. */
  private static void rejectNul(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a Postgres name cannot contain a NUL character: "
          + value.replace("\0", "\\0"));
    }
  }
}
