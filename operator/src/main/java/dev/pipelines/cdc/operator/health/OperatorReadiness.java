package dev.pipelines.cdc.operator.health;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Ready once JOSDK's {@link Operator} has started (its informers have synced) and every event source reports
 * healthy (an informer whose watch keeps failing, e.g. for lack of RBAC, does not).
 */
public final class OperatorReadiness implements Readiness {
  private final RuntimeInfo info;

  /**
   * @param info {@link Operator#getRuntimeInfo()}, taken once the controllers are registered and before
   *     {@link Operator#start()}: asking the operator for it while {@code start()} runs waits for the lock that
   *     {@code start()} holds until the informers have synced, which would hang the probe.
   */
  public OperatorReadiness(RuntimeInfo info) {
    this.info = info;
  }

  @Override
  public Optional<String> notReadyReason() {
    if (!info.isStarted()) {
      return Optional.of("operator not started (informers not synced yet, or stopped)");
    }
    if (!info.allEventSourcesAreHealthy()) {
      return Optional.of("unhealthy event sources: " + String.join(", ", names(info.unhealthyEventSources())));
    }
    return Optional.empty();
  }

  /** {@code controller/eventSource}, sorted. */
  private static TreeSet<String> names(Map<String, ? extends Map<String, ?>> byController) {
    TreeSet<String> names = new TreeSet<>();
    byController.forEach((controller, sources) -> sources.keySet().forEach(s -> names.add(controller + "/" + s)));
    return names;
  }
}
