package dev.pipelines.cdc.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One text form for a value read from Postgres (pgjdbc) or StarRocks (MySQL Connector/J), so the
 * two sides compare equal exactly when the pipeline carried the value over: numbers without
 * trailing zeros (numeric(12,2) 5.50 and DECIMAL 5.5), timestamptz as the UTC date-time that
 * StarRocks' DATETIME holds.
 */
final class Canonical {
  private Canonical() {}

  static String of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      return of(new BigDecimal(value.toString()));
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
    }
    // A zone-less date-time: StarRocks' DATETIME. Already in UTC (the pipeline converts timestamptz).
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (value instanceof LocalDateTime t) {
      return t.toString();
    }
    return value.toString();
  }
}
