package dev.pipelines.cdc.bench.decoder;

import java.nio.charset.StandardCharsets;

/**
 * How one column's pgoutput text value becomes JSON, chosen once per column from the type OID of the
 * Relation message. Built-in OIDs only (pg_type.dat); any other type (domains, enums, arrays, custom types
 * announced by a Type message) is written as a JSON string of its text.
 */
enum ColumnKind {
  /** int2, int4, int8, oid: the digits, unquoted. */
  INTEGER {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      out.raw(b, off, len);
    }
  },
  /** float4, float8: a JSON number; NaN and ±Infinity (not JSON numbers) as strings. */
  FLOAT {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      byte c = b[off];
      boolean number = (c >= '0' && c <= '9') || (c == '-' && len > 1 && b[off + 1] >= '0' && b[off + 1] <= '9');
      if (number) {
        out.raw(b, off, len);
      } else {
        out.quotedAscii(b, off, len);
      }
    }
  },
  BOOLEAN {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      out.raw(len == 1 && b[off] == 't' ? TRUE : FALSE);
    }
  },
  /** numeric: its plain decimal text quoted (exact; StarRocks reads a DECIMAL from a string), NaN as is. */
  NUMERIC {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      out.quotedAscii(b, off, len);
    }
  },
  TIMESTAMP {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      PgTimestamps.append(out, b, off, len, false);
    }
  },
  /** Moved to UTC from the walsender session's TimeZone offset. */
  TIMESTAMPTZ {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      PgTimestamps.append(out, b, off, len, true);
    }
  },
  /** json, jsonb: Postgres' text is JSON already, written as the value (a JSON column), not as a string. */
  JSON {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      out.raw(b, off, len);
    }
  },
  /** Everything else: a JSON string of the UTF-8 text. */
  TEXT {
    @Override
    void write(JsonBytes out, byte[] b, int off, int len) {
      out.string(b, off, len);
    }
  };

  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  /** Appends the JSON of one non-NULL value, Postgres' text output in {@code b[off, off+len)}. */
  abstract void write(JsonBytes out, byte[] b, int off, int len);

  static ColumnKind of(int typeOid) {
    return switch (typeOid) {
      case 20, 21, 23, 26 -> INTEGER;
      case 700, 701 -> FLOAT;
      case 16 -> BOOLEAN;
      case 1700 -> NUMERIC;
      case 1114 -> TIMESTAMP;
      case 1184 -> TIMESTAMPTZ;
      case 114, 3802 -> JSON;
      default -> TEXT;
    };
  }
}
