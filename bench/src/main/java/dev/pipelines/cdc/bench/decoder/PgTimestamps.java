package dev.pipelines.cdc.bench.decoder;

/**
 * Postgres' ISO text of timestamp / timestamptz ({@code DateStyle=ISO}: {@code YYYY-MM-DD HH:MM:SS[.f{1,6}]},
 * timestamptz then {@code ±HH[:MM[:SS]]} in the session's TimeZone) → StarRocks DATETIME text
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, a timestamptz moved to UTC. Arithmetic on the digits (civil
 * date ↔ epoch day), no java.time objects; the fraction is kept and padded to 6 digits when Postgres
 * prints one. Infinity and BC years have no DATETIME value: refused.
 */
final class PgTimestamps {
  private static final int SECONDS_PER_DAY = 86_400;

  private PgTimestamps() {}

  static void append(JsonBytes out, byte[] b, int off, int len, boolean zoned) {
    int end = off + len;
    if (len < 19 || b[off] < '0' || b[off] > '9') {
      throw refused(b, off, len, "not an ISO date-time (infinity has no StarRocks DATETIME)");
    }
    if (b[end - 1] == 'C' && len > 3 && b[end - 3] == ' ') {
      throw refused(b, off, len, "a BC year has no StarRocks DATETIME");
    }
    int p = off;
    long year = 0;
    while (p < end && b[p] != '-') {
      year = year * 10 + digit(b, p++, off, len);
    }
    // p is the '-' after the year: MM at p+1, DD at p+4, HH at p+7, MM at p+10, SS at p+13
    if (p + 15 > end) {
      throw refused(b, off, len, "truncated");
    }
    int month = two(b, p + 1, off, len);
    int day = two(b, p + 4, off, len);
    int hour = two(b, p + 7, off, len);
    int minute = two(b, p + 10, off, len);
    int second = two(b, p + 13, off, len);
    int dateTimeEnd = p + 15;
    int q = dateTimeEnd;
    int fractionStart = -1;
    if (q < end && b[q] == '.') {
      fractionStart = ++q;
      while (q < end && b[q] >= '0' && b[q] <= '9') {
        q++;
      }
      if (q - fractionStart > 6 || q == fractionStart) {
        throw refused(b, off, len, "a fraction of 1 to 6 digits expected");
      }
    }
    int fractionEnd = q;
    int offsetSeconds = 0;
    if (zoned) {
      if (q >= end || (b[q] != '+' && b[q] != '-')) {
        throw refused(b, off, len, "timestamptz without a UTC offset");
      }
      int sign = b[q] == '-' ? -1 : 1;
      int zone = two(b, q + 1, off, len) * 3600;
      q += 3;
      if (q < end && b[q] == ':') {
        zone += two(b, q + 1, off, len) * 60;
        q += 3;
        if (q < end && b[q] == ':') {
          zone += two(b, q + 1, off, len);
          q += 3;
        }
      }
      offsetSeconds = sign * zone;
    }
    if (q != end) {
      throw refused(b, off, len, "unexpected text after the " + (zoned ? "offset" : "time"));
    }
    out.ensure(len + 10);
    out.put('"');
    if (offsetSeconds == 0) {
      out.raw(b, off, dateTimeEnd - off); // already UTC (or no zone): the digits as printed
    } else {
      long epochSecond = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second
          - offsetSeconds;
      long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
      int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
      long civil = civilFromDays(epochDay);
      long y = civil / 10_000;
      if (y < 0) {
        throw refused(b, off, len, "before year 0 in UTC");
      }
      out.digits(y, 4);
      out.put('-');
      out.digits(civil / 100 % 100, 2);
      out.put('-');
      out.digits(civil % 100, 2);
      out.put(' ');
      out.digits(secondOfDay / 3600, 2);
      out.put(':');
      out.digits(secondOfDay / 60 % 60, 2);
      out.put(':');
      out.digits(secondOfDay % 60, 2);
    }
    if (fractionStart >= 0) {
      out.put('.');
      out.raw(b, fractionStart, fractionEnd - fractionStart);
      for (int i = fractionEnd - fractionStart; i < 6; i++) {
        out.put('0');
      }
    }
    out.put('"');
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** The date of an epoch day, packed as {@code year * 10000 + month * 100 + day} (no object per value). */
  static long civilFromDays(long z) {
    z += 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
    return y * 10_000 + m * 100 + d;
  }

  private static int two(byte[] b, int p, int off, int len) {
    if (p + 2 > off + len) {
      throw refused(b, off, len, "truncated");
    }
    return digit(b, p, off, len) * 10 + digit(b, p + 1, off, len);
  }

  private static int digit(byte[] b, int p, int off, int len) {
    int d = b[p] - '0';
    if (d < 0 || d > 9) {
      throw refused(b, off, len, "a non-digit where a digit belongs");
    }
    return d;
  }

  private static IllegalArgumentException refused(byte[] b, int off, int len, String why) {
    return new IllegalArgumentException("timestamp text '" + new String(b, off, len,
        java.nio.charset.StandardCharsets.UTF_8) + "': " + why);
  }
}
