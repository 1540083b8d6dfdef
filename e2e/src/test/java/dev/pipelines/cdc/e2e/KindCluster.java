package dev.pipelines.cdc.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster of kind-config.yaml. Setting it up is hack/kind-up.sh's job, the same script a
 * person runs for the quick start; this class only calls it, and the kind and kubectl CLIs.
 */
final class KindCluster {
  /** A cold first start pulls ~3 GB of images and starts StarRocks; the script waits on each step itself. */
  static final Duration UP_TIMEOUT = Duration.ofMinutes(60);

  private final RepoPaths repo;
  private final KindConfig config;

  KindCluster(RepoPaths repo, KindConfig config) {
    this.repo = repo;
    this.config = config;
  }

  KindConfig config() {
    return config;
  }

  boolean exists() throws IOException {
    CommandResult clusters = run(List.of("kind", "get", "clusters"), Duration.ofMinutes(1), "kind-get-clusters.log");
    return clusters.succeeded() && clusters.output().lines().anyMatch(config.name()::equals);
  }

  /** Creates or reuses the cluster and installs everything, with the images already built. */
  void up() throws IOException {
    CommandResult up = run(
        List.of("bash", repo.script("kind-up.sh").toString(), "--skip-build"), UP_TIMEOUT, "kind-up.log");
    if (!up.succeeded()) {
      throw new AssertionError("hack/kind-up.sh failed: " + up.describe() + " (whole output in "
          + repo.logs().resolve("kind-up.log") + ")\n" + up.tail(40));
    }
  }

  void down() throws IOException {
    CommandResult down = run(List.of("bash", repo.script("kind-down.sh").toString()), Duration.ofMinutes(5), "kind-down.log");
    if (!down.succeeded()) {
      throw new AssertionError("hack/kind-down.sh failed: " + down.describe() + "\n" + down.tail(20));
    }
  }

  /** A client on the cluster's own kubeconfig; the user's current context is not consulted. */
  KubernetesClient client() throws IOException {
    CommandResult kubeconfig =
        run(List.of("kind", "get", "kubeconfig", "--name", config.name()), Duration.ofMinutes(1), "kind-kubeconfig.log");
    if (!kubeconfig.succeeded()) {
      throw new AssertionError(kubeconfig.describe() + "\n" + kubeconfig.tail(10));
    }
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.output())).build();
  }

  /** kubectl on this cluster's context; output kept for diagnostics, never asserted on. */
  CommandResult kubectl(Duration timeout, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("kubectl", "--context", config.context()));
    command.addAll(List.of(args));
    return Commands.run(command, repo.root(), Map.of(), timeout, Optional.empty());
  }

  private CommandResult run(List<String> command, Duration timeout, String logName) throws IOException {
    Path log = repo.logs().resolve(logName);
    return Commands.run(command, repo.root(), Map.of(), timeout, Optional.of(log));
  }
}
