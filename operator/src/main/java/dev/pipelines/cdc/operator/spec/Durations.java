package dev.pipelines.cdc.operator.spec;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the spec's durations (500ms, 5s, 10m, 1h) with the CRD's own pattern, {@link
 * Patterns#DURATION}: whatever the API server accepts, this parses (DurationsTest feeds it every
 * shape the pattern allows). Minimums (1s for checkpoints, 100ms for flushes) are the validator's,
 * with a message saying so.
 */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile(Patterns.DURATION);

  private Durations() {}

  /** The duration, or empty when the text is not in the spec's format. */
  public static Optional<Duration> parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
  }

  /** The duration of a spec value that validation has already accepted. */
  public static Duration of(String validated) {
    return parse(validated).orElseThrow(() -> new IllegalArgumentException("not a duration: " + validated));
  }
}
