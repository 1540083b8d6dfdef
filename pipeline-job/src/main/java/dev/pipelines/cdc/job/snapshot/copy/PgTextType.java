package dev.pipelines.cdc.job.snapshot.copy;

import java.util.Locale;

/**
 * How a column's COPY text becomes its JSON value: one per family of mapped Postgres types
 * ({@code StarRocksTypes.map}). Resolved once per column from the catalog's {@code format_type}.
 */
enum PgTextType {
  INTEGER, BOOLEAN, REAL, DOUBLE, NUMERIC, TEXT, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL, JSON, JSONB, BYTEA;

  /**
   * The family of a non-array type, e.g. {@code numeric(12,4)}, {@code timestamp(3) with time zone}.
   *
   * @param enumType the column is a Postgres enum (its type name is the enum's)
   * @throws IllegalArgumentException for a type the pipeline does not map (refused before a job starts)
   */
  static PgTextType of(String formatType, boolean enumType) {
    if (enumType) {
      return TEXT;
    }
    String t = formatType.toLowerCase(Locale.ROOT).trim().replaceAll("\\(\\d+(,\\d+)?\\)", "").replaceAll(" +", " ");
    return switch (t) {
      case "smallint", "integer", "bigint" -> INTEGER;
      case "boolean" -> BOOLEAN;
      case "real" -> REAL;
      case "double precision" -> DOUBLE;
      // money is selected as numeric (see CopyRowEncoders.selectItem)
      case "numeric", "money" -> NUMERIC;
      case "text", "xml", "citext", "character varying", "character", "\"char\"", "uuid", "inet", "cidr", "macaddr",
          "macaddr8" -> TEXT;
      case "date" -> DATE;
      case "timestamp without time zone" -> TIMESTAMP;
      case "timestamp with time zone" -> TIMESTAMPTZ;
      case "time without time zone" -> TIME;
      case "time with time zone" -> TIMETZ;
      case "interval" -> INTERVAL;
      case "json" -> JSON;
      case "jsonb" -> JSONB;
      case "bytea" -> BYTEA;
      default -> throw new IllegalArgumentException("Postgres type " + formatType + " has no COPY text encoding");
    };
  }
}
