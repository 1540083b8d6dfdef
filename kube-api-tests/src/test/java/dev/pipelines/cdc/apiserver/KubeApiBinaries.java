package dev.pipelines.cdc.apiserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real control-plane binaries are, in fabric8 kube-api-test's layout
 * ({@code <dir>/k8s/<version>-linux-amd64/{etcd,kube-apiserver,kubectl}}), and what happens when
 * they are not: the tests skip (a plain {@code ./mvnw verify} on a new machine stays green), unless
 * {@code CDC_REQUIRE_KUBE_API=true}, which CI sets so that this layer can never be skipped silently.
 *
 * @param testDir kube-api-test's directory (binaries under {@code k8s/})
 * @param version the Kubernetes version, e.g. {@code 1.34.4}
 * @param download whether kube-api-test may download missing binaries (a machine with internet)
 */
record KubeApiBinaries(Path testDir, String version, boolean download) {
  static final String SCRIPT = "hack/kube-api-binaries.sh";
  static final String ENV_REQUIRE = "CDC_REQUIRE_KUBE_API";
  static final String ENV_DIR = "KUBE_API_TEST_DIR";
  static final String ENV_VERSION = "KUBE_API_TEST_API_SERVER_VERSION";
  static final String ENV_OFFLINE = "KUBE_API_TEST_OFFLINE_MODE";
  static final List<String> REQUIRED = List.of("etcd", "kube-apiserver", "kubectl");
  /** Not part of kube-api-test's layout; the script adds it. Without it, nothing is garbage-collected. */
  static final String CONTROLLER_MANAGER = "kube-controller-manager";

  /** The binaries' settings from the environment (the same variables kube-api-test reads) and the pom. */
  static KubeApiBinaries fromEnvironment(Map<String, String> env) {
    Path dir = Optional.ofNullable(env.get(ENV_DIR)).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".cache", "cdc-pipelines", "kube-api-test"));
    String version = Optional.ofNullable(env.get(ENV_VERSION)).filter(s -> !s.isBlank())
        .orElseGet(() -> requiredProperty("kube-api.version"));
    boolean download = "false".equalsIgnoreCase(env.getOrDefault(ENV_OFFLINE, "true"));
    return new KubeApiBinaries(dir, version, download);
  }

  Path versionDir() {
    return testDir.resolve("k8s").resolve(version + "-linux-amd64");
  }

  Optional<Path> controllerManager() {
    Path path = versionDir().resolve(CONTROLLER_MANAGER);
    return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  /** The binaries kube-api-test needs that are missing (empty when it can run). */
  List<String> missing() {
    return REQUIRED.stream().filter(b -> !Files.isExecutable(versionDir().resolve(b))).toList();
  }

  /** Returns when the tests can run; otherwise skips them, or fails them where they are required. */
  void assumeAvailable(Map<String, String> env) {
    List<String> missing = missing();
    if (missing.isEmpty() || download) {
      return;
    }
    String why = "no " + String.join(", ", missing) + " for Kubernetes " + version + " in " + versionDir()
        + ": run " + SCRIPT + " (builds them from the Go module proxy into that cache), or set "
        + ENV_OFFLINE + "=false to let kube-api-test download them";
    if ("true".equalsIgnoreCase(env.get(ENV_REQUIRE))) {
      throw new IllegalStateException(ENV_REQUIRE + " is set, but there is " + why);
    }
    Assumptions.abort(why);
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
    }
    return value;
  }
}
