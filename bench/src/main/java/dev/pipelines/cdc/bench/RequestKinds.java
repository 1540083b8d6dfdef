package dev.pipelines.cdc.bench;

import java.util.Map;
import java.util.stream.Collectors;

/** API requests counted by kind ({@code verb group/resource[/subresource]}), per pipeline. Pure. */
final class RequestKinds {
  private RequestKinds() {}

  static long total(Map<String, Long> kinds) {
    return kinds.values().stream().mapToLong(Long::longValue).sum();
  }

  /** E.g. {@code "get core/secrets 2, patch cdc.pipelines.dev/cdcpipelines/status 1"}: count / pipelines, largest first. */
  static String perPipeline(Map<String, Long> kinds, int pipelines) {
    if (kinds.isEmpty()) {
      return "none";
    }
    return kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + Format.number((double) e.getValue() / pipelines))
        .collect(Collectors.joining(", "));
  }
}
