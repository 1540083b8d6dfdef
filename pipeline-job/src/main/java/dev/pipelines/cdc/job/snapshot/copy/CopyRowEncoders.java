package dev.pipelines.cdc.job.snapshot.copy;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.TableShape;
import dev.pipelines.cdc.job.types.StarRocksJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@link CopyRowEncoder} of a captured table, and the COPY session settings its text assumes. */
public final class CopyRowEncoders {
  /**
   * What the snapshot reader runs on its connection before COPY: the encoders read text in exactly
   * these formats. ISO dates (years past 9999 and {@code BC} included); timestamptz in UTC, so every
   * offset is {@code +00}; intervals in the {@code postgres} style, which pgjdbc's {@code PGInterval}
   * parses as the stream path does; floats in their shortest exact text (Postgres 12+ with
   * {@code extra_float_digits} above 0); bytea as {@code \x} hex; UTF-8.
   */
  public static final List<String> SESSION_SETTINGS = List.of(
      "SET DateStyle = ISO, MDY",
      "SET TimeZone = 'UTC'",
      "SET IntervalStyle = postgres",
      "SET extra_float_digits = 3",
      "SET bytea_output = hex",
      "SET client_encoding = 'UTF8'");

  private CopyRowEncoders() {}

  /**
   * The encoder of one table, its written columns in table order (the order of the stream path's rows),
   * each under its StarRocks name.
   *
   * @param shape the table's shape as the stream path has it (key columns, padded columns, StarRocks' limits)
   * @param starRocksTable the StarRocks table ({@code db.table}) the rows go to; for messages
   */
  public static CopyRowEncoder forTable(SourceTable table, TableShape shape, String starRocksTable) {
    List<TableCopyEncoder.Column> columns = new ArrayList<>();
    StringBuilder select = new StringBuilder();
    for (SourceColumn c : table.columns()) {
      String type = c.type().toLowerCase(Locale.ROOT).trim();
      boolean array = !c.enumType() && type.endsWith("[]");
      PgTextType textType;
      try {
        textType = PgTextType.of(array ? type.substring(0, type.length() - 2) : type, c.enumType());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("table " + table.qualifiedName() + " (to " + starRocksTable + "), column "
            + c.name() + ": " + e.getMessage(), e);
      }
      if (select.length() > 0) {
        select.append(", ");
      }
      select.append(selectItem(c.name(), type));
      StringBuilder prefix = new StringBuilder();
      StarRocksJson.string(prefix, table.targetName(c.name()));
      prefix.append(':');
      columns.add(new TableCopyEncoder.Column(c.name(), prefix.toString(), textType, array, shape.limit(c.name()),
          shape.blankPaddedColumns().contains(c.name()), shape.keyColumns().indexOf(c.name())));
    }
    return new TableCopyEncoder(table.qualifiedName(), select.toString(), columns, shape.keyColumns(),
        !shape.limits().isEmpty());
  }

  /**
   * A column as selected: its quoted name, and for money a cast to numeric, which is exact (money is a
   * 64-bit count of cents, and its own text groups digits and adds a currency sign by locale).
   */
  static String selectItem(String column, String lowerType) {
    String quoted = quoteIdentifier(column);
    return switch (lowerType) {
      case "money" -> quoted + "::numeric";
      case "money[]" -> quoted + "::numeric[]";
      default -> quoted;
    };
  }

  /** A Postgres identifier in double quotes, embedded quotes doubled (any name, any case). */
  static String quoteIdentifier(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier with a NUL character: " + name);
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
