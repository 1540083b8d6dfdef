package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hack/kind-up.sh --skip-build, run to the end with stand-ins for docker, kind, kubectl and helm
 * that record their arguments: every step runs, in order, with the flags the quick start relies
 * on. (What the real tools then do is the E2E suite's business.)
 */
class KindUpDryRunTest {
  /** One recording stand-in; the few queries whose answers the script uses get canned ones. */
  private static final String STAND_IN = """
      #!/bin/sh
      echo "${0##*/} $*" >> "$CALLS"
      case "${0##*/} $*" in
        *"jsonpath={.data.username}"*) printf 'bG9hZGVy' ;;
        *"jsonpath={.data.password}"*) printf 'c2VjcmV0' ;;
        *"get deployment -l app.kubernetes.io/instance=cdc-operator -o name"*) echo deployment.apps/cdc-operator ;;
        *" exec -i "*) cat >/dev/null ;;
      esac
      exit 0
      """;

  @TempDir
  Path root;

  @Test
  void everyStepRunsInOrder() throws IOException {
    RepoPaths repo = RepoPaths.locate();
    copyTree(repo.root().resolve("hack"), root.resolve("hack"));
    copyTree(repo.root().resolve("deploy"), root.resolve("deploy"));
    copyTree(repo.root().resolve("crds"), root.resolve("crds"));
    Files.copy(repo.kindConfig(), root.resolve("kind-config.yaml"));
    Files.copy(repo.root().resolve("pom.xml"), root.resolve("pom.xml"));
    Files.createDirectories(root.resolve("helm/cdc-operator"));
    Files.writeString(root.resolve("helm/cdc-operator/Chart.yaml"), "name: cdc-operator\n");
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : List.of("docker", "kind", "kubectl", "helm")) {
      Path file = bin.resolve(tool);
      Files.writeString(file, STAND_IN);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path calls = root.resolve("calls.log");

    CommandResult up = Commands.run(List.of("bash", root.resolve("hack/kind-up.sh").toString(), "--skip-build"),
        root, Map.of("PATH", bin + ":/usr/bin:/bin", "CALLS", calls.toString()), Duration.ofMinutes(1), Optional.empty());

    assertThat(up.exitCode()).as(up.output()).isZero();
    String deploy = root.resolve("deploy/kind") + "/";
    assertThat(Files.readAllLines(calls)).containsSubsequence(
        "docker info",
        "kind get clusters",
        "kind create cluster --config " + root.resolve("kind-config.yaml") + " --wait 180s",
        "kubectl --context kind-cdc-pipelines apply -f " + deploy + "namespace.yaml",
        "helm --kube-context kind-cdc-pipelines upgrade --install flink-kubernetes-operator"
            + " flink-operator-1.10.0/flink-kubernetes-operator --version 1.10.0 --namespace flink-operator"
            + " --create-namespace --set webhook.create=false --set watchNamespaces={data} --wait --timeout 10m",
        "kubectl --context kind-cdc-pipelines -n data get serviceaccount flink",
        "kubectl --context kind-cdc-pipelines apply -f " + deploy + "secrets.yaml -f " + deploy + "postgres.yaml -f "
            + deploy + "starrocks.yaml -f " + deploy + "minio.yaml",
        "kubectl --context kind-cdc-pipelines -n data rollout status deployment/starrocks --timeout=30m",
        "kubectl --context kind-cdc-pipelines -n data exec -i statefulset/postgres -- sh -c psql -v ON_ERROR_STOP=1 -q -U \"$POSTGRES_USER\" -d shop",
        "docker image inspect cdc-pipelines/operator:0.1.0-SNAPSHOT",
        "docker image inspect cdc-pipelines/pipeline-job:0.1.0-SNAPSHOT",
        "kind load docker-image --name cdc-pipelines cdc-pipelines/operator:0.1.0-SNAPSHOT cdc-pipelines/pipeline-job:0.1.0-SNAPSHOT",
        "kubectl --context kind-cdc-pipelines apply -f " + root.resolve("crds/cdcpipelines.cdc.pipelines.dev-v1.yml"),
        "helm --kube-context kind-cdc-pipelines upgrade --install cdc-operator " + root.resolve("helm/cdc-operator")
            + " --namespace cdc-system --create-namespace --wait --timeout 5m",
        "kubectl --context kind-cdc-pipelines -n cdc-system rollout restart deployment.apps/cdc-operator",
        "kubectl --context kind-cdc-pipelines apply -f " + deploy + "pipeline.yaml",
        "kubectl --context kind-cdc-pipelines -n data wait --for=condition=Ready cdcpipeline/orders --timeout=20m");
    assertThat(up.output()).contains("mysql -h 127.0.0.1 -P 30930 -uroot");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
