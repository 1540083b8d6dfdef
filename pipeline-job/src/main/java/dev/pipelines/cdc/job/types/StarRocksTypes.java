package dev.pipelines.cdc.job.types;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Postgres → StarRocks type mapping (also documented in docs/pipeline-job.md; keep them together).
 *
 * <p>Values are exact: numerics travel as decimal strings, timestamps with microseconds, text
 * unpadded. Where StarRocks has no equivalent type the value is kept as text (time, interval,
 * unconstrained numeric, bytea as hex). Anything else is refused at start, naming the column.
 * Unbounded text goes to StarRocks' widest string, {@code VARCHAR(1048576)} (bytes; {@code STRING}
 * is only 65,533 bytes); a value beyond what its column holds stops the pipeline
 * ({@link ValueLimit}), because StarRocks would filter the row or, for some types, store NULL.
 */
public final class StarRocksTypes {
  /** StarRocks' VARCHAR limit, in bytes (StarRocks 2.1+; docs: data-types/string-type/VARCHAR). */
  public static final int MAX_VARCHAR = 1_048_576;
  /** StarRocks' STRING, in bytes (docs: data-types/string-type/STRING). */
  public static final int STRING_BYTES = 65_533;
  /** Unbounded text: the widest StarRocks string. */
  static final String WIDEST_TEXT = "VARCHAR(" + MAX_VARCHAR + ")";
  /**
   * The BE's default {@code primary_key_limit_size}: a row's encoded primary key may not be longer, or
   * StarRocks fails the whole load ("primary key size exceed the limit").
   */
  public static final int PRIMARY_KEY_LIMIT_BYTES = 128;
  /** Postgres lengths are characters; UTF-8 needs up to 4 bytes each. */
  static final int BYTES_PER_CHAR = 4;
  /** Length for unbounded text in key columns, which cannot be STRING. */
  static final int KEY_TEXT_LENGTH = 255;
  static final int MAX_DECIMAL_PRECISION = 38;

  private static final Pattern WITH_ARGS = Pattern.compile("^([a-z ]+?)\\s*\\((\\d+)(?:,(\\d+))?\\)(.*)$");
  /** Types StarRocks accepts in a primary key. */
  private static final Set<String> KEY_TYPES = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "LARGEINT",
      "DATE", "DATETIME");

  private StarRocksTypes() {}

  /** The StarRocks column type for {@code column} of {@code table}. */
  public static String map(SourceTable table, SourceColumn column) {
    boolean key = table.primaryKey().contains(column.name());
    String type = column.enumType() ? "enum" : column.type().toLowerCase(Locale.ROOT).trim();
    if (type.equals("money") || type.equals("money[]")) {
      throw new UnsupportedSchemaException("table " + table.qualifiedName() + ", column " + column.name() + ": "
          + MONEY_REFUSED);
    }
    if (STREAMLESS_ARRAYS.contains(type)) {
      throw new UnsupportedSchemaException("table " + table.qualifiedName() + ", column " + column.name() + ": "
          + "Postgres type " + column.type() + " is not supported: the CDC source (Debezium 1.9.8) has no schema for"
          + " arrays of this type and drops the column from every streamed row; change the column's type (e.g. to"
          + " text[]), or exclude the table");
    }
    String mapped = mapType(type, key);
    if (mapped == null) {
      throw new UnsupportedSchemaException("table " + table.qualifiedName() + ", column " + column.name()
          + ": Postgres type " + column.type() + " is not supported"
          + (key ? " in a primary key" : "") + "; exclude the table or change the column's type");
    }
    return mapped;
  }

  /**
   * Why money is refused. The snapshot reads each value with {@code ResultSet.getObject}
   * (flink-cdc 3.5.0 {@code PostgresScanFetchTask.PostgresSnapshotSplitReadTask.createDataEventsForTable}),
   * which pgjdbc answers for money with {@code getDouble}: Postgres always groups money's digits
   * ({@code cash_out} falls back to "," and groups of 3 in every locale, so no {@code lc_monetary}
   * helps), and {@code 1,001.00} fails ("Bad value for type double"), a crash loop. The stream decodes
   * money through {@code PGmoney} into a double too, which cannot hold money's limits
   * (92233720368547758.07 has 19 significant digits). Reading it exactly would need flink-cdc's scan
   * task replaced; a numeric(19,2) column carries the same values exactly.
   */
  static final String MONEY_REFUSED = "Postgres type money cannot be read exactly by the CDC source (the snapshot"
      + " reads it as a double and fails on values of 1,000 or more, the stream rounds values beyond 15 digits);"
      + " change the column to numeric(19,2) (ALTER TABLE ... ALTER COLUMN ... TYPE numeric(19,2) keeps every"
      + " value), or exclude the table";

  /**
   * Arrays whose element type Debezium 1.9.8 has no array schema for ({@code PostgresValueConverter.schemaBuilder}:
   * xml[], bytea[], interval[] fall through to "unsupported"): the column is left out of every streamed row,
   * which the job could only report as a dropped column. Measured here with interval[].
   */
  private static final Set<String> STREAMLESS_ARRAYS = Set.of("xml[]", "bytea[]", "interval[]");

  private static String mapType(String type, boolean key) {
    if (type.endsWith("[]")) {
      String element = mapType(type.substring(0, type.length() - 2), false);
      return key || element == null ? null : "ARRAY<" + element + ">";
    }
    Matcher m = WITH_ARGS.matcher(type);
    String base = m.matches() ? m.group(1) + m.group(4) : type;
    Integer arg1 = m.matches() ? Integer.valueOf(m.group(2)) : null;
    Integer arg2 = m.matches() && m.group(3) != null ? Integer.valueOf(m.group(3)) : null;
    String mapped = switch (base) {
      case "smallint" -> "SMALLINT";
      case "integer" -> "INT";
      case "bigint" -> "BIGINT";
      case "boolean" -> "BOOLEAN";
      case "real" -> "FLOAT";
      case "double precision" -> "DOUBLE";
      case "numeric" -> decimal(arg1, arg2);
      // money is refused (see MONEY_REFUSED): neither phase of the CDC source reads it exactly.
      case "text", "xml", "citext" -> key ? "VARCHAR(" + KEY_TEXT_LENGTH + ")" : WIDEST_TEXT;
      case "character varying", "character" -> arg1 == null
          ? (key ? "VARCHAR(" + KEY_TEXT_LENGTH + ")" : WIDEST_TEXT)
          : "VARCHAR(" + Math.min((long) arg1 * BYTES_PER_CHAR, MAX_VARCHAR) + ")";
      case "\"char\"" -> "VARCHAR(4)";
      case "enum" -> "VARCHAR(" + 63 * BYTES_PER_CHAR + ")";
      case "date" -> "DATE";
      case "timestamp without time zone", "timestamp with time zone" -> "DATETIME";
      case "time without time zone", "time with time zone" -> "VARCHAR(32)";
      case "interval" -> "VARCHAR(64)";
      case "uuid" -> "VARCHAR(36)";
      case "inet", "cidr" -> "VARCHAR(64)";
      case "macaddr", "macaddr8" -> "VARCHAR(32)";
      case "json", "jsonb" -> "JSON";
      case "bytea" -> WIDEST_TEXT;
      default -> null;
    };
    if (mapped == null || !key) {
      return mapped;
    }
    return KEY_TYPES.contains(mapped) || mapped.startsWith("VARCHAR(") ? mapped : null;
  }

  private static String decimal(Integer precision, Integer scale) {
    if (precision == null || precision > MAX_DECIMAL_PRECISION) {
      // Unconstrained or wider than StarRocks' DECIMAL: keep the exact text (up to 147,455 digits).
      return WIDEST_TEXT;
    }
    return "DECIMAL(" + precision + "," + (scale == null ? 0 : scale) + ")";
  }

  /** Postgres blank-pads character(n); the pipeline strips the padding, as Postgres ignores it. */
  public static boolean isBlankPadded(SourceColumn column) {
    return column.type().startsWith("character(") || column.type().equals("character");
  }
}
