package dev.pipelines.cdc.flinkcluster;

import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.BOOL;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.DATE;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.JSON;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.NUMBER;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.TEXT;
import static dev.pipelines.cdc.testsupport.compare.TableChecksum.Kind.UTC_DATETIME;

import dev.pipelines.cdc.testsupport.PostgresServer;
import dev.pipelines.cdc.testsupport.compare.ComparedTable;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import java.util.List;

/**
 * The captured tables of one test, in a schema of its own (and a StarRocks database of the same name):
 * {@code customers} and {@code orders}, of text, numeric, boolean, date, timestamptz and jsonb columns,
 * with their publication, created as an administrator would (the CDC user cannot publish tables it
 * does not own) and readable by the CDC user.
 */
record SourceTables(String schema, int customers, int orders) {
  static final List<Column> CUSTOMER_COLUMNS = List.of(new Column("id", NUMBER), new Column("name", TEXT),
      new Column("email", TEXT), new Column("vip", BOOL), new Column("created", UTC_DATETIME));
  static final List<Column> ORDER_COLUMNS = List.of(new Column("id", NUMBER), new Column("customer_id", NUMBER),
      new Column("amount", NUMBER), new Column("placed", DATE), new Column("note", TEXT), new Column("doc", JSON));

  static SourceTables create(PostgresServer pg, String schema, int customers, int orders) {
    pg.superuserSql().execute(
        "DROP SCHEMA IF EXISTS " + schema + " CASCADE",
        "DROP PUBLICATION IF EXISTS " + schema + "_pub",
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customers (id int PRIMARY KEY, name text NOT NULL, email varchar(100),"
            + " vip boolean, created timestamptz)",
        "CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY, customer_id int, amount numeric(12,2),"
            + " placed date, note text, doc jsonb)",
        "INSERT INTO " + schema + ".customers SELECT g, 'customer ' || g, 'c' || g || '@example.org', g % 10 = 0,"
            + " timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 minute' FROM generate_series(1, "
            + customers + ") g",
        "INSERT INTO " + schema + ".orders SELECT g, 1 + g % " + customers + ", (g * 1.25)::numeric(12,2),"
            + " date '2024-01-01' + g % 365, CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END,"
            + " jsonb_build_object('n', g, 'nested', jsonb_build_object('ok', g % 2 = 0))"
            + " FROM generate_series(1, " + orders + ") g",
        "CREATE PUBLICATION " + schema + "_pub FOR TABLE " + schema + ".customers, " + schema + ".orders",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + PostgresServer.CDC_USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + PostgresServer.CDC_USER);
    return new SourceTables(schema, customers, orders);
  }

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[{ ]id=(\\d+)[,}]");

  /**
   * Whether an entry of the emulator's journal ({@code <db>.<table> <op> {column=value, ...}}) is one
   * of the rows {@link #create} inserted, exactly as inserted: a snapshot row, not a change of the
   * {@link ChangeWriter} (whose inserts have ids from {@link ChangeWriter#FIRST_NEW_ID} and whose
   * updates write names {@code c<n>} and notes {@code u<n>}).
   */
  static boolean isInitialRow(String journalEntry) {
    if (journalEntry.contains(".customers UPSERT {")) {
      return journalEntry.contains(", name=customer ");
    }
    java.util.regex.Matcher id = ID.matcher(journalEntry);
    return journalEntry.contains(".orders UPSERT {") && id.find()
        && Long.parseLong(id.group(1)) < ChangeWriter.FIRST_NEW_ID
        && (journalEntry.contains(", note=note ") || journalEntry.contains(", note=null"));
  }

  List<String> qualifiedNames() {
    return List.of(schema + ".customers", schema + ".orders");
  }

  String slot() {
    return schema + "_slot";
  }

  String publication() {
    return schema + "_pub";
  }

  /** Both tables against their StarRocks copies in database {@link #schema()}, every column. */
  List<ComparedTable> compared() {
    return List.of(new ComparedTable(schema + ".customers", schema + ".customers", CUSTOMER_COLUMNS, 1),
        new ComparedTable(schema + ".orders", schema + ".orders", ORDER_COLUMNS, 1));
  }
}
