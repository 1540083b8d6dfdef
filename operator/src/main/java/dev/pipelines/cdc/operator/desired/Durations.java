package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the spec's durations ({@link Patterns#DURATION}: 500ms, 5s, 10m, 1h). */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("^([0-9]{1,12})(ms|s|m|h)$");

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
