package dev.pipelines.cdc.operator.health;

import java.util.Optional;

/** Whether the operator can do its work now; the reason it cannot, for a person reading the probe. */
@FunctionalInterface
public interface Readiness {
  /** Empty when ready. */
  Optional<String> notReadyReason();
}
