package dev.pipelines.cdc.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@link Patterns#MEMORY} lets through the API server, {@link FlinkMemory} (the Flink
 * Kubernetes Operator's reading) turns into a byte count, to the exact value an independent oracle
 * gives: every unit is binary, whatever its case, {@code i} or {@code B} ({@code 2G} is 2 GiB to Flink).
 */
class FlinkMemoryTest {
  private static final Pattern MEMORY = Pattern.compile(Patterns.MEMORY);
  private static final Map<Character, Integer> SHIFT = Map.of('k', 10, 'm', 20, 'g', 30, 't', 40);

  @Test
  void everyMemoryTheSchemaAcceptsIsTheFlinkOperatorsExactByteCount() {
    int accepted = 0;
    Map<Character, Integer> longest = new LinkedHashMap<>();
    for (String text : examples()) {
      Optional<Long> parsed = FlinkMemory.parse(text);
      if (!MEMORY.matcher(text).matches()) {
        assertThat(parsed).as("'%s' is refused by the schema, so the parser must refuse it too", text).isEmpty();
        continue;
      }
      accepted++;
      int digits = 0;
      while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
        digits++;
      }
      String unit = text.substring(digits);
      char prefix = unit.isEmpty() ? ' ' : Character.toLowerCase(unit.charAt(0));
      BigInteger bytes = new BigInteger(text.substring(0, digits)).shiftLeft(unit.isEmpty() ? 0 : SHIFT.get(prefix));
      assertThat(bytes.bitLength()).as("'%s' overflows a long", text).isLessThan(64);
      assertThat(parsed).as("'%s'", text).contains(bytes.longValueExact());
      longest.merge(prefix, digits, Math::max);
    }
    assertThat(accepted).isGreaterThan(1000);
    assertThat(longest).containsExactlyInAnyOrderEntriesOf(Map.of(' ', 18, 'k', 15, 'm', 12, 'g', 9, 't', 6));
  }

  @Test
  void whatUsersWrite() {
    assertThat(FlinkMemory.parse("2048m")).as("Flink's m is MiB, not Kubernetes' milli").contains(2048L << 20);
    assertThat(FlinkMemory.parse("2Gi")).contains(2L << 30);
    assertThat(FlinkMemory.parse("2GiB")).contains(2L << 30);
    assertThat(FlinkMemory.parse("2G")).as("binary to Flink").contains(2L << 30);
    assertThat(FlinkMemory.parse("2g")).contains(2L << 30);
    assertThat(FlinkMemory.parse("1024")).contains(1024L);
  }

  /** The old pattern took decimals and any number of digits; the Flink operator refuses those, so nothing that deployed is lost. */
  @Test
  void decimalsAndOverflowsAreRefusedAsTheFlinkOperatorRefusesThem() {
    for (String text : List.of("1.5Gi", "1.5G", "1.5g", "0.5Ti", "1.5k", "99999999999999999999", "999999999999Ti")) {
      assertThat(MEMORY.matcher(text).matches()).as(text).isFalse();
      assertThat(FlinkMemory.parse(text)).as(text).isEmpty();
    }
  }

  private static List<String> examples() {
    List<String> units = new ArrayList<>(List.of("", "b", "B", "i", "iB", "bytes", "Mib ", " Mi", "MiBB", "P", "Pi", "E",
        ".5Gi", ".0g", "e3", "x"));
    for (String p : List.of("k", "K", "m", "M", "g", "G", "t", "T")) {
      for (String tail : List.of("", "i", "b", "B", "ib", "iB", "I", "IB")) {
        units.add(p + tail);
      }
    }
    List<String> out = new ArrayList<>();
    for (int length = 1; length <= 20; length++) {
      for (String amount : List.of("9".repeat(length), "1" + "0".repeat(length - 1), "0".repeat(length))) {
        for (String unit : units) {
          out.add(amount + unit);
          out.add("-" + amount + unit);
        }
      }
    }
    out.addAll(List.of("", "Gi", "1_000", "0x10"));
    return out;
  }
}
