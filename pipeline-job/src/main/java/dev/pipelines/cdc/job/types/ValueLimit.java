package dev.pipelines.cdc.job.types;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a StarRocks column type holds of the values a Postgres column can have beyond it, so the job
 * stops on such a value instead of letting StarRocks filter the row or store NULL (StarRocks' JSON
 * Stream Load, non-strict mode, turns an unqualified value into NULL; a too-long string filters the
 * row).
 *
 * @param maxBytes UTF-8 bytes a string column holds, or -1 (not a string)
 * @param decimal a DECIMAL column: numeric NaN and infinities have no value there
 * @param dateRange a DATE or DATETIME column: years 0000 to 9999
 * @param keyWidth bytes of this type in StarRocks' encoded primary key, or -1 for a string (its bytes)
 * @param element the element's limit of an ARRAY column, else null
 */
public record ValueLimit(int maxBytes, boolean decimal, boolean dateRange, int keyWidth, ValueLimit element)
    implements Serializable {
  private static final Pattern SIZED = Pattern.compile("(VARCHAR|CHAR)\\((\\d+)\\)");
  /** A column type without limits the job checks. */
  public static final ValueLimit NONE = new ValueLimit(-1, false, false, 0, null);

  /** The limit of a StarRocks column type as {@link StarRocksTypes#map} writes it. */
  public static ValueLimit of(String starRocksType) {
    String t = starRocksType.toUpperCase(Locale.ROOT).trim();
    if (t.startsWith("ARRAY<") && t.endsWith(">")) {
      return new ValueLimit(-1, false, false, 0, of(t.substring(6, t.length() - 1)));
    }
    Matcher m = SIZED.matcher(t);
    if (m.matches()) {
      return new ValueLimit(Integer.parseInt(m.group(2)), false, false, -1, null);
    }
    return switch (t) {
      case "STRING" -> new ValueLimit(StarRocksTypes.STRING_BYTES, false, false, -1, null);
      case "DATE" -> new ValueLimit(-1, false, true, 4, null);
      case "DATETIME" -> new ValueLimit(-1, false, true, 8, null);
      case "BOOLEAN", "TINYINT" -> new ValueLimit(-1, false, false, 1, null);
      case "SMALLINT" -> new ValueLimit(-1, false, false, 2, null);
      case "INT" -> new ValueLimit(-1, false, false, 4, null);
      case "BIGINT" -> new ValueLimit(-1, false, false, 8, null);
      case "LARGEINT" -> new ValueLimit(-1, false, false, 16, null);
      default -> t.startsWith("DECIMAL") ? new ValueLimit(-1, true, false, 0, null) : NONE;
    };
  }

  /** StarRocks' DATE and DATETIME range is 0000-01-01 to 9999-12-31 (years 0 to 9999). */
  public static boolean yearInRange(int year) {
    return year >= 0 && year <= 9999;
  }

  /** Bytes of {@code text} in UTF-8, without encoding it. */
  public static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
