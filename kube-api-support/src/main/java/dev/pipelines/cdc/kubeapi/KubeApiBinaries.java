package dev.pipelines.cdc.kubeapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the real control-plane binaries are, in fabric8 kube-api-test's layout
 * ({@code <dir>/k8s/<version>-linux-amd64/{etcd,kube-apiserver,kubectl}}), and what is missing. What a
 * missing binary means is the caller's: kube-api-tests skip (unless {@code CDC_REQUIRE_KUBE_API=true},
 * which CI sets so that this layer can never be skipped silently), the bench refuses to run.
 *
 * @param testDir kube-api-test's directory (binaries under {@code k8s/})
 * @param version the Kubernetes version, e.g. {@code 1.34.4}
 * @param download whether kube-api-test may download missing binaries (a machine with internet)
 */
public record KubeApiBinaries(Path testDir, String version, boolean download) {
  public static final String SCRIPT = "hack/kube-api-binaries.sh";
  public static final String ENV_REQUIRE = "CDC_REQUIRE_KUBE_API";
  public static final String ENV_DIR = "KUBE_API_TEST_DIR";
  public static final String ENV_VERSION = "KUBE_API_TEST_API_SERVER_VERSION";
  public static final String ENV_OFFLINE = "KUBE_API_TEST_OFFLINE_MODE";
  public static final List<String> REQUIRED = List.of("etcd", "kube-apiserver", "kubectl");
  /** Not part of kube-api-test's layout; the script adds it. Without it, nothing is garbage-collected. */
  public static final String CONTROLLER_MANAGER = "kube-controller-manager";

  /**
   * The binaries' settings from the environment (the same variables kube-api-test reads); the version
   * defaults to the root pom's {@code kube-api.version}.
   */
  public static KubeApiBinaries fromEnvironment(Map<String, String> env) {
    Path dir = Optional.ofNullable(env.get(ENV_DIR)).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".cache", "cdc-pipelines", "kube-api-test"));
    String version = Optional.ofNullable(env.get(ENV_VERSION)).filter(s -> !s.isBlank())
        .orElseGet(KubeApiBinaries::defaultVersion);
    boolean download = "false".equalsIgnoreCase(env.getOrDefault(ENV_OFFLINE, "true"));
    return new KubeApiBinaries(dir, version, download);
  }

  /** The root pom's {@code kube-api.version}, filtered into this module's {@code kube-api.properties}. */
  public static String defaultVersion() {
    try (InputStream in = KubeApiBinaries.class.getResourceAsStream("kube-api.properties")) {
      if (in == null) {
        throw new IllegalStateException("kube-api.properties missing from kube-api-support");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path versionDir() {
    return testDir.resolve("k8s").resolve(version + "-linux-amd64");
  }

  public Optional<Path> controllerManager() {
    Path path = versionDir().resolve(CONTROLLER_MANAGER);
    return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  /** The binaries kube-api-test needs that are missing (empty when it can run). */
  public List<String> missing() {
    return REQUIRED.stream().filter(b -> !Files.isExecutable(versionDir().resolve(b))).toList();
  }

  /** Why the control plane cannot start here, with what to do about it; empty when it can. */
  public Optional<String> unavailable() {
    List<String> missing = missing();
    if (missing.isEmpty() || download) {
      return Optional.empty();
    }
    return Optional.of("no " + String.join(", ", missing) + " for Kubernetes " + version + " in " + versionDir()
        + ": run " + SCRIPT + " (builds them from the Go module proxy into that cache), or set "
        + ENV_OFFLINE + "=false to let kube-api-test download them");
  }
}
