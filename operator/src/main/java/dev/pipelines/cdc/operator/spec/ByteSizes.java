package dev.pipelines.cdc.operator.spec;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the spec's byte sizes (1073741824, 512Mi, 1Gi, 10G) with the CRD's own pattern, {@link
 * Patterns#BYTES}, whose digit bounds keep every accepted size within a long (ByteSizesTest feeds
 * it every shape the pattern allows), and prints them for people.
 */
public final class ByteSizes {
  private static final Pattern FORMAT = Pattern.compile(Patterns.BYTES);
  /** Splits a string the pattern accepted into its amount and its (possibly empty) unit. */
  private static final Pattern AMOUNT_UNIT = Pattern.compile("^([0-9]+)(.*)$");
  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteSizes() {}

  /** The number of bytes, or empty when the text is not in the spec's format. */
  public static Optional<Long> parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    Matcher m = AMOUNT_UNIT.matcher(text);
    if (!m.matches()) {
      throw new IllegalStateException("Patterns.BYTES accepted '" + text + "' without a leading amount");
    }
    long amount = Long.parseLong(m.group(1));
    long unit = switch (m.group(2)) {
      case "" -> 1L;
      case "Ki" -> 1L << 10;
      case "Mi" -> 1L << 20;
      case "Gi" -> 1L << 30;
      case "Ti" -> 1L << 40;
      case "k" -> 1_000L;
      case "M" -> 1_000_000L;
      case "G" -> 1_000_000_000L;
      case "T" -> 1_000_000_000_000L;
      default -> throw new IllegalStateException("Patterns.BYTES accepted unknown unit in '" + text + "'");
    };
    try {
      return Optional.of(Math.multiplyExact(amount, unit));
    } catch (ArithmeticException overflow) {
      return Optional.empty(); // ruled out by the pattern's digit bounds (ByteSizesTest proves it)
    }
  }

  /** The byte count of a spec value that validation has already accepted. */
  public static long of(String validated) {
    return parse(validated).orElseThrow(() -> new IllegalArgumentException("not a byte size: " + validated));
  }

  /** e.g. {@code 1.5 GiB}, {@code 512 B}: for messages. */
  public static String human(long bytes) {
    double value = bytes;
    int unit = 0;
    while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, BINARY_UNITS[unit]);
  }
}
