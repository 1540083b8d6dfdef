package dev.pipelines.cdc.apiserver;

import dev.pipelines.cdc.kubeapi.KubeApiBinaries;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What missing control-plane binaries mean here: the tests skip (a plain {@code ./mvnw verify} on a new
 * machine stays green), unless {@code CDC_REQUIRE_KUBE_API=true}, which CI sets so that this layer can
 * never be skipped silently. And the system properties Maven passes.
 */
final class KubeApiAssumptions {
  private KubeApiAssumptions() {}

  /** Returns when the tests can run; otherwise skips them, or fails them where they are required. */
  static void assumeAvailable(KubeApiBinaries binaries, Map<String, String> env) {
    binaries.unavailable().ifPresent(why -> {
      if ("true".equalsIgnoreCase(env.get(KubeApiBinaries.ENV_REQUIRE))) {
        throw new IllegalStateException(KubeApiBinaries.ENV_REQUIRE + " is set, but there is " + why);
      }
      Assumptions.abort(why);
    });
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
    }
    return value;
  }
}
