package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * hack/kind-up.sh --check, run for real with a PATH holding only stand-ins for the tools, says
 * exactly what is missing, and the suite's gate turns that into a skip with the same words.
 */
class KindUpCheckTest {
  private static final String ALL_OK = "#!/bin/sh\nexit 0\n";
  private static final String DAEMON_DOWN = "#!/bin/sh\n[ \"$1\" = info ] && exit 1\nexit 0\n";

  private static RepoPaths repo;
  private static String bash;

  @TempDir
  Path bin;

  @BeforeAll
  static void locate() {
    repo = RepoPaths.locate();
    // Absolute: the PATH given to the script holds only the stand-ins.
    bash = Arrays.stream(System.getenv("PATH").split(":"))
        .map(dir -> Path.of(dir, "bash"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow()
        .toString();
  }

  @Test
  void nothingOnPathNamesAllFourTools() throws IOException {
    CommandResult check = check();
    assertThat(check.exitCode()).isEqualTo(Prerequisites.EXIT_MISSING);
    assertThat(check.output()).contains("missing on PATH: docker kind kubectl helm",
        "kind.sigs.k8s.io", "helm.sh");
    assertThat(check.output()).doesNotContain("daemon");
  }

  @Test
  void onlyTheMissingToolsAreNamed() throws IOException {
    tool("docker", ALL_OK);
    tool("kubectl", ALL_OK);
    CommandResult check = check();
    assertThat(check.exitCode()).isEqualTo(Prerequisites.EXIT_MISSING);
    assertThat(check.output()).contains("missing on PATH: kind helm").doesNotContain("  docker:", "  kubectl:");
  }

  @Test
  void unreachableDockerDaemonIsReported() throws IOException {
    tool("docker", DAEMON_DOWN);
    tool("kind", ALL_OK);
    tool("kubectl", ALL_OK);
    tool("helm", ALL_OK);
    CommandResult check = check();
    assertThat(check.exitCode()).isEqualTo(Prerequisites.EXIT_MISSING);
    assertThat(check.output()).contains("daemon is not reachable").doesNotContain("missing on PATH");
  }

  @Test
  void everythingPresentPasses() throws IOException {
    for (String name : List.of("docker", "kind", "kubectl", "helm")) {
      tool(name, ALL_OK);
    }
    CommandResult check = check();
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(Prerequisites.from(check).present()).isTrue();
  }

  @Test
  void theGateSkipsWithTheScriptsWords() throws IOException {
    tool("docker", ALL_OK);
    Prerequisites prerequisites = Prerequisites.check(repo, Map.of("PATH", bin.toString()));
    assertThat(prerequisites.present()).isFalse();
    assertThat(prerequisites.message()).startsWith("kind E2E skipped: ").contains("missing on PATH: kind kubectl helm");
  }

  @Test
  void unknownArgumentIsRefused() throws IOException {
    CommandResult result = Commands.run(List.of(bash, repo.script("kind-up.sh").toString(), "--bogus"),
        repo.root(), Map.of(), Duration.ofSeconds(30), Optional.empty());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("unknown argument '--bogus'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kind-up.sh", "kind-down.sh", "kind-e2e.sh", "lib/kind-common.sh"})
  void scriptsAreValidBash(String script) throws IOException {
    CommandResult syntax = Commands.run(List.of(bash, "-n", repo.script(script).toString()),
        repo.root(), Map.of(), Duration.ofSeconds(30), Optional.empty());
    assertThat(syntax.exitCode()).as(syntax.output()).isZero();
  }

  private CommandResult check() throws IOException {
    return Commands.run(List.of(bash, repo.script("kind-up.sh").toString(), "--check"),
        repo.root(), Map.of("PATH", bin.toString()), Duration.ofSeconds(30), Optional.empty());
  }

  private void tool(String name, String script) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
