package dev.pipelines.cdc.operator.status;

import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Condition list helpers. */
public final class Conditions {
  private Conditions() {}

  /**
   * The new conditions, sorted by type, each keeping the previous lastTransitionTime when its
   * status did not flip. So an unchanged pipeline produces an identical status and nothing is
   * written (no churning timestamps).
   */
  public static List<Condition> merge(List<Condition> previous, List<Condition> next, Instant now) {
    Map<String, Condition> before =
        previous.stream().collect(Collectors.toMap(Condition::type, Function.identity(), (a, b) -> a));
    String nowText = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    return next.stream()
        .map(c -> {
          Condition old = before.get(c.type());
          String since = old != null && old.status().equals(c.status()) && old.lastTransitionTime() != null
              ? old.lastTransitionTime()
              : nowText;
          return new Condition(c.type(), c.status(), c.observedGeneration(), since, c.reason(), c.message());
        })
        .sorted(Comparator.comparing(Condition::type))
        .toList();
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
