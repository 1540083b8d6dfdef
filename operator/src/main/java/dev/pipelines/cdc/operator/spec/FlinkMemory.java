package dev.pipelines.cdc.operator.spec;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.configuration.MemorySize;

/**
 * Reads a JobManager or TaskManager {@code memory} the way the Flink Kubernetes Operator does, which is
 * where the value goes ({@code FlinkDeployment.spec.*.resource.memory}): Flink's {@link MemorySize#parse}
 * first (so {@code 2048m} is 2048 MiB and {@code 2G} is 2 GiB, Flink's binary units), else a Kubernetes
 * quantity after the same clean-up (upper case, a trailing {@code B} dropped, {@code I} back to {@code
 * i}: {@code 2Gi}, {@code 2GiB}), whose byte count its validator then reads with {@code MemorySize.parse}
 * again. That is {@code ResourceConfigUtils.parseResourceMemoryString} and {@code
 * DefaultValidator.validateResources} in the Flink Kubernetes Operator (its runtime jar is not on our
 * classpath, nor served here for 1.10: the rule is restated, and FlinkMemoryTest pins it).
 *
 * <p>Only text the CRD's pattern ({@link Patterns#MEMORY}) accepts is read. A decimal such as {@code
 * 1.5Gi} is refused: the Flink operator's validator refuses it too ({@code 1610612736.0} is no memory
 * size to {@code MemorySize.parse}), measured with flink-core 1.19.3 and fabric8 7.5.2.
 */
public final class FlinkMemory {
  private static final Pattern FORMAT = Pattern.compile(Patterns.MEMORY);

  private FlinkMemory() {}

  /** The number of bytes Flink gets, or empty when the text is not a memory size the spec takes. */
  public static Optional<Long> parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MemorySize.parse(asTheFlinkOperatorReadsIt(text)).getBytes());
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty(); // not reached for what the pattern accepts (FlinkMemoryTest)
    }
  }

  private static String asTheFlinkOperatorReadsIt(String memory) {
    try {
      return MemorySize.parse(memory).toString();
    } catch (IllegalArgumentException notFlinkSyntax) {
      String quantity = memory.trim().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
      if (quantity.endsWith("B")) {
        quantity = quantity.substring(0, quantity.length() - 1);
      }
      if (quantity.endsWith("I")) {
        quantity = quantity.substring(0, quantity.length() - 1) + "i";
      }
      return Quantity.parse(quantity).getNumericalAmount() + "";
    }
  }
}
