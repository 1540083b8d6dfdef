package dev.pipelines.cdc.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever the CRD's pattern lets through the API server, the operator's parser must read, to the
 * exact value, and whatever the pattern refuses the parser refuses too: otherwise the API server
 * stores a spec the operator then rejects. The examples are a bounded enumeration of the patterns'
 * shapes (every unit and near-miss unit, amounts of every length up to one digit past the bound:
 * zero, all zeros, leading zeros, all nines, a power of ten, 20-digit amounts that overflow a long)
 * plus random digits from a fixed seed. Java's {@code matches()} stands for the API server's Go
 * regexp here: both read these patterns (anchored, no flags, no classes beyond [0-9]) the same way.
 *
 * <p>Ranges are not the pattern's: {@code 0s} parses, and the validator refuses a checkpoint
 * interval below 1s or a flush interval below 100ms with a message naming the minimum.
 */
class PatternsAcceptedByParsersTest {
  private static final Random RANDOM = new Random(13);

  private static final Map<String, BigInteger> DURATION_UNIT_MILLIS = new LinkedHashMap<>();
  private static final Map<String, BigInteger> BYTE_UNITS = new LinkedHashMap<>();

  static {
    DURATION_UNIT_MILLIS.put("ms", BigInteger.ONE);
    DURATION_UNIT_MILLIS.put("s", BigInteger.valueOf(1_000));
    DURATION_UNIT_MILLIS.put("m", BigInteger.valueOf(60_000));
    DURATION_UNIT_MILLIS.put("h", BigInteger.valueOf(3_600_000));
    BYTE_UNITS.put("", BigInteger.ONE);
    BYTE_UNITS.put("k", BigInteger.TEN.pow(3));
    BYTE_UNITS.put("M", BigInteger.TEN.pow(6));
    BYTE_UNITS.put("G", BigInteger.TEN.pow(9));
    BYTE_UNITS.put("T", BigInteger.TEN.pow(12));
    BYTE_UNITS.put("Ki", BigInteger.TWO.pow(10));
    BYTE_UNITS.put("Mi", BigInteger.TWO.pow(20));
    BYTE_UNITS.put("Gi", BigInteger.TWO.pow(30));
    BYTE_UNITS.put("Ti", BigInteger.TWO.pow(40));
  }

  /** Units no pattern accepts, next to ones it does. */
  private static final List<String> NEAR_MISS_UNITS = List.of(
      "S", "MS", "H", "us", "ns", "d", "sm", "mss", " s", "s ", "s\n", "K", "KI", "ki", "kb", "KiB", "B", "Mb",
      "P", "Pi", "E", "Ei", "m", "g", "mi", "gi", "t", "ti", "i", ".5s", ".5Gi", "e3", "Gi ");

  private static final Pattern DURATION = Pattern.compile(Patterns.DURATION);
  private static final Pattern BYTES = Pattern.compile(Patterns.BYTES);

  @Test
  void durationsTheSchemaAcceptsParseToTheirExactValue() {
    int accepted = 0;
    for (String text : examples(List.copyOf(DURATION_UNIT_MILLIS.keySet()))) {
      Optional<java.time.Duration> parsed = Durations.parse(text);
      if (!DURATION.matcher(text).matches()) {
        assertThat(parsed).as("'%s' is refused by the schema, so the parser must refuse it too", text).isEmpty();
        continue;
      }
      accepted++;
      String unit = unitOf(text);
      BigInteger millis = amountOf(text).multiply(DURATION_UNIT_MILLIS.get(unit));
      assertThat(millis.bitLength()).as("'%s' (accepted by the schema) has milliseconds beyond a long", text).isLessThan(64);
      assertThat(parsed).as("'%s' is accepted by the schema, so the parser must accept it", text).isPresent();
      assertThat(parsed.get().toMillis()).as(text).isEqualTo(millis.longValueExact());
    }
    assertThat(accepted).as("examples the schema accepts").isGreaterThan(200);
    assertThat(Durations.parse("0s")).as("zero is a duration; the validator, not the pattern, sets minimums")
        .contains(java.time.Duration.ZERO);
    assertThat(Durations.parse("9".repeat(Patterns.DURATION_MAX_DIGITS) + "h")).isPresent();
    assertThat(Durations.parse("9".repeat(Patterns.DURATION_MAX_DIGITS + 1) + "ms")).isEmpty();
  }

  @Test
  void byteSizesTheSchemaAcceptsParseToTheirExactValue() {
    int accepted = 0;
    Map<String, Integer> longestAcceptedPerUnit = new LinkedHashMap<>();
    for (String text : examples(List.copyOf(BYTE_UNITS.keySet()))) {
      Optional<Long> parsed = ByteSizes.parse(text);
      if (!BYTES.matcher(text).matches()) {
        assertThat(parsed).as("'%s' is refused by the schema, so the parser must refuse it too", text).isEmpty();
        continue;
      }
      accepted++;
      String unit = unitOf(text);
      BigInteger bytes = amountOf(text).multiply(BYTE_UNITS.get(unit));
      assertThat(bytes.bitLength()).as("'%s' (accepted by the schema) overflows a long", text).isLessThan(64);
      assertThat(parsed).as("'%s' is accepted by the schema, so the parser must accept it", text).contains(bytes.longValueExact());
      longestAcceptedPerUnit.merge(unit, text.length() - unit.length(), Math::max);
    }
    assertThat(accepted).as("examples the schema accepts").isGreaterThan(300);
    // Every unit is reachable, with the digit bound the pattern documents.
    assertThat(longestAcceptedPerUnit).containsExactlyInAnyOrderEntriesOf(Map.of(
        "", 18, "k", 15, "Ki", 15, "M", 12, "Mi", 12, "G", 9, "Gi", 9, "T", 6, "Ti", 6));
  }

  @Test
  void overflowingAmountsAreRefusedByTheSchemaItself() {
    assertThat(BYTES.matcher("99999999999999999999").matches()).isFalse();
    assertThat(BYTES.matcher("999999999999999Ti").matches()).isFalse();
    assertThat(BYTES.matcher("9223372036854775807").matches()).as("19 digits: a long's maximum, over the bound").isFalse();
    assertThat(DURATION.matcher("9999999999999s").matches()).isFalse();
    assertThat(DURATION.matcher("99999999999999999999h").matches()).isFalse();
  }

  /** Amounts of every length up to 20 digits, with each unit and near-miss unit, and some malformed shapes. */
  private static List<String> examples(List<String> units) {
    List<String> amounts = new ArrayList<>();
    for (int length = 1; length <= 20; length++) {
      amounts.add("0".repeat(length));
      amounts.add("9".repeat(length));
      amounts.add("1" + "0".repeat(length - 1));
      amounts.add("0".repeat(length - 1) + "1");
      for (int i = 0; i < 5; i++) {
        StringBuilder digits = new StringBuilder();
        for (int d = 0; d < length; d++) {
          digits.append((char) ('0' + RANDOM.nextInt(10)));
        }
        amounts.add(digits.toString());
      }
    }
    amounts.add("9223372036854775807");
    amounts.add("9223372036854775808");
    List<String> unitsAndMisses = new ArrayList<>(units);
    unitsAndMisses.addAll(NEAR_MISS_UNITS);
    List<String> out = new ArrayList<>();
    for (String amount : amounts) {
      for (String unit : unitsAndMisses) {
        out.add(amount + unit);
        out.add("-" + amount + unit);
        out.add(" " + amount + unit);
      }
    }
    out.addAll(List.of("", "s", "ms", "Gi", "1.5s", "1_000", "1e3", "+1s", "0x10", "PT5S", "٣s", "1٣"));
    return out;
  }

  private static BigInteger amountOf(String accepted) {
    return new BigInteger(accepted.substring(0, accepted.length() - unitOf(accepted).length()));
  }

  private static String unitOf(String accepted) {
    int i = 0;
    while (i < accepted.length() && Character.isDigit(accepted.charAt(i)) && accepted.charAt(i) < 128) {
      i++;
    }
    return accepted.substring(i);
  }
}
