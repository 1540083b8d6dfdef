package dev.pipelines.cdc.operator.http;

import dev.pipelines.cdc.operator.health.Readiness;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import java.util.Map;
import java.util.function.Supplier;

/** What the operator serves on its HTTP port: metrics and the two Kubernetes probes. */
public final class OperatorEndpoints {
  public static final String METRICS = "/metrics";
  public static final String LIVENESS = "/healthz";
  public static final String READINESS = "/readyz";

  private OperatorEndpoints() {}

  public static Map<String, Supplier<PlainResponse>> routes(SlotMetrics metrics, Readiness readiness) {
    return Map.of(
        METRICS, () -> new PlainResponse(200, SlotMetrics.CONTENT_TYPE, metrics.scrape()),
        // Alive as long as the process answers: a stuck operator is for readiness to report, not a reason to
        // restart it while informers are still syncing.
        LIVENESS, () -> PlainResponse.text(200, "ok\n"),
        READINESS, () -> readiness.notReadyReason()
            .map(reason -> PlainResponse.text(503, reason + "\n"))
            .orElseGet(() -> PlainResponse.text(200, "ready\n")));
  }
}
