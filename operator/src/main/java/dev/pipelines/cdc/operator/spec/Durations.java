package dev.pipelines.cdc.operator.spec;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;

/**
 * Reads the spec's durations ({@code 500ms}, {@code 30 s}, {@code 10m}, {@code 1min}, {@code 2h}) with
 * Flink's own parser, {@link TimeUtils#parseDuration}: the checkpoint interval goes to Flink as the spec
 * wrote it, so the operator reads it exactly as Flink will. Only text the CRD's pattern ({@link
 * Patterns#DURATION}) accepts is read, so the operator refuses what the API server refuses (e.g. {@code
 * 5 S} or {@code 5}, which TimeUtils would read). PatternsAcceptedByParsersTest feeds this every shape
 * the pattern allows. Minimums (1s for checkpoints, 100ms for flushes) are the validator's, with a
 * message saying so.
 */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile(Patterns.DURATION);

  private Durations() {}

  /** The duration, or empty when the text is not in the spec's format. */
  public static Optional<Duration> parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TimeUtils.parseDuration(text));
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Not reached: every unit of the pattern is one of TimeUtils', every bound within a long
      // (PatternsAcceptedByParsersTest). Refusing is still the safe answer.
      return Optional.empty();
    }
  }

  /** The duration of a spec value that validation has already accepted. */
  public static Duration of(String validated) {
    return parse(validated).orElseThrow(() -> new IllegalArgumentException("not a duration: " + validated));
  }
}
