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
import org.apache.flink.util.TimeUtils;
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
    // Written out here, not read from Patterns or TimeUtils: the oracle both must agree with.
    for (String unit : List.of("ms", "milli", "millis", "millisecond", "milliseconds")) {
      DURATION_UNIT_MILLIS.put(unit, BigInteger.ONE);
    }
    for (String unit : List.of("s", "sec", "secs", "second", "seconds")) {
      DURATION_UNIT_MILLIS.put(unit, BigInteger.valueOf(1_000));
    }
    for (String unit : List.of("m", "min", "minute", "minutes")) {
      DURATION_UNIT_MILLIS.put(unit, BigInteger.valueOf(60_000));
    }
    for (String unit : List.of("h", "hour", "hours")) {
      DURATION_UNIT_MILLIS.put(unit, BigInteger.valueOf(3_600_000));
    }
    for (String unit : List.of("d", "day", "days")) {
      DURATION_UNIT_MILLIS.put(unit, BigInteger.valueOf(86_400_000));
    }
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

  /**
   * Units no pattern accepts, next to ones it does; for durations also what TimeUtils reads but the
   * pattern leaves out (upper case, "µs", "ns", two spaces, a tab) and what neither reads ("mins").
   */
  private static final List<String> NEAR_MISS_UNITS = List.of(
      "S", "MS", "H", "us", "ns", "µs", "micros", "nanos", "D", "Min", "mins", "hrs", "sm", "mss", "  s", "\ts",
      "s ", "s\n", "K", "KI", "ki", "kb", "KiB", "B", "Mb", "P", "Pi", "E", "Ei", "m", "g", "mi", "gi", "t", "ti", "i",
      ".5s", ".5Gi", "e3", "Gi ", " Gi", " ", "");

  private static final Pattern DURATION = Pattern.compile(Patterns.DURATION);
  private static final Pattern BYTES = Pattern.compile(Patterns.BYTES);

  @Test
  void durationsTheSchemaAcceptsParseToTheirExactValue() {
    int accepted = 0;
    Map<String, Integer> longestAcceptedPerUnit = new LinkedHashMap<>();
    List<String> units = new ArrayList<>(DURATION_UNIT_MILLIS.keySet());
    DURATION_UNIT_MILLIS.keySet().forEach(unit -> units.add(" " + unit)); // Flink's "30 s"
    for (String text : examples(units)) {
      Optional<java.time.Duration> parsed = Durations.parse(text);
      if (!DURATION.matcher(text).matches()) {
        assertThat(parsed).as("'%s' is refused by the schema, so the parser must refuse it too", text).isEmpty();
        continue;
      }
      accepted++;
      String unit = unitOf(text).strip();
      BigInteger millis = amountOf(text).multiply(DURATION_UNIT_MILLIS.get(unit));
      assertThat(millis.bitLength()).as("'%s' (accepted by the schema) has milliseconds beyond a long", text).isLessThan(64);
      assertThat(parsed).as("'%s' is accepted by the schema, so the parser must accept it", text).isPresent();
      assertThat(parsed.get().toMillis()).as(text).isEqualTo(millis.longValueExact());
      longestAcceptedPerUnit.merge(unit, digitsOf(text), Math::max);
    }
    assertThat(accepted).as("examples the schema accepts").isGreaterThan(1000);
    // Every unit label is reachable, with the digit bound the pattern documents: the longest amount
    // whose milliseconds still fit a long, for that unit.
    Map<String, Integer> expectedBounds = new LinkedHashMap<>();
    DURATION_UNIT_MILLIS.forEach((unit, unitMillis) -> expectedBounds.put(unit,
        String.valueOf(BigInteger.valueOf(Long.MAX_VALUE).divide(unitMillis)).length() - 1));
    assertThat(longestAcceptedPerUnit).containsExactlyInAnyOrderEntriesOf(expectedBounds);
    assertThat(Durations.parse("0s")).as("zero is a duration; the validator, not the pattern, sets minimums")
        .contains(java.time.Duration.ZERO);
    assertThat(Durations.parse("9".repeat(Patterns.DURATION_HOURS_MAX_DIGITS) + "h")).isPresent();
    assertThat(Durations.parse("9".repeat(Patterns.DURATION_MILLIS_MAX_DIGITS + 1) + "ms")).isEmpty();
  }

  /** What Flink users write, read by the spec as Flink reads it. */
  @Test
  void flinkStyleDurations() {
    Map<String, java.time.Duration> examples = new LinkedHashMap<>();
    examples.put("30 s", java.time.Duration.ofSeconds(30));
    examples.put("1min", java.time.Duration.ofMinutes(1));
    examples.put("500ms", java.time.Duration.ofMillis(500));
    examples.put("1 h", java.time.Duration.ofHours(1));
    examples.put("10m", java.time.Duration.ofMinutes(10));
    examples.put("10 min", java.time.Duration.ofMinutes(10));
    examples.put("2 minutes", java.time.Duration.ofMinutes(2));
    examples.put("1 sec", java.time.Duration.ofSeconds(1));
    examples.put("100 millis", java.time.Duration.ofMillis(100));
    examples.put("1 day", java.time.Duration.ofDays(1));
    examples.forEach((text, expected) -> {
      assertThat(DURATION.matcher(text).matches()).as("schema accepts '%s'", text).isTrue();
      assertThat(Durations.parse(text)).as(text).contains(expected);
      assertThat(TimeUtils.parseDuration(text)).as("Flink reads '%s' the same", text).isEqualTo(expected);
    });
    // TimeUtils reads these; the schema does not take them (see Patterns.DURATION for why).
    for (String text : List.of("30", "5 S", "1µs", "1ns", " 5s", "5s ")) {
      assertThat(TimeUtils.parseDuration(text)).as(text).isNotNull();
      assertThat(Durations.parse(text)).as(text).isEmpty();
    }
  }

  /** Existing specs keep working: every value the old grammar took is still accepted, meaning the same. */
  @Test
  void everyDurationTheOldPatternAcceptedKeepsItsMeaning() {
    Pattern old = Pattern.compile("^([0-9]{1,12})(ms|s|m|h)$");
    Map<String, Long> oldUnitMillis = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L);
    int checked = 0;
    for (String text : examples(List.of("ms", "s", "m", "h"))) {
      java.util.regex.Matcher m = old.matcher(text);
      if (m.matches()) {
        checked++;
        long millis = Long.parseLong(m.group(1)) * oldUnitMillis.get(m.group(2));
        assertThat(DURATION.matcher(text).matches()).as("'%s' was accepted", text).isTrue();
        assertThat(Durations.parse(text)).as(text).contains(java.time.Duration.ofMillis(millis));
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  /** Each label of the pattern is one TimeUtils knows, for the unit the oracle above says. */
  @Test
  void theUnitLabelsAreFlinks() {
    List<String> labels = new ArrayList<>();
    for (String group : List.of(Patterns.DURATION_MILLIS_UNITS, Patterns.DURATION_SECONDS_UNITS,
        Patterns.DURATION_MINUTES_UNITS, Patterns.DURATION_HOURS_UNITS, Patterns.DURATION_DAYS_UNITS)) {
      labels.addAll(List.of(group.split("\\|")));
    }
    assertThat(labels).containsExactlyInAnyOrderElementsOf(DURATION_UNIT_MILLIS.keySet());
    for (String label : labels) {
      assertThat(TimeUtils.parseDuration("1" + label).toMillis()).as(label)
          .isEqualTo(DURATION_UNIT_MILLIS.get(label).longValueExact());
    }
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
    assertThat(DURATION.matcher("9999999999999999s").matches()).as("16 digits of seconds").isFalse();
    assertThat(DURATION.matcher("9999999999999h").matches()).as("13 digits of hours").isFalse();
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

  private static int digitsOf(String accepted) {
    return accepted.length() - unitOf(accepted).length();
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
