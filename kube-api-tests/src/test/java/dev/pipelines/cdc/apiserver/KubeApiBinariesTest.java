package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.kubeapi.KubeApiBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Missing binaries skip the real-server tests, except where CI requires them. */
class KubeApiBinariesTest {
  @TempDir
  Path dir;

  @Test
  void missingBinariesSkipWithTheScriptToRun() {
    Map<String, String> env = Map.of(KubeApiBinaries.ENV_DIR, dir.toString());
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(env);

    assertThatThrownBy(() -> KubeApiAssumptions.assumeAvailable(binaries, env))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(KubeApiBinaries.SCRIPT)
        .hasMessageContaining(binaries.versionDir().toString());
  }

  @Test
  void missingBinariesFailWhereRequired() {
    Map<String, String> env = Map.of(KubeApiBinaries.ENV_DIR, dir.toString(), KubeApiBinaries.ENV_REQUIRE, "true");

    assertThatThrownBy(() -> KubeApiAssumptions.assumeAvailable(KubeApiBinaries.fromEnvironment(env), env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(KubeApiBinaries.ENV_REQUIRE)
        .hasMessageContaining(KubeApiBinaries.SCRIPT);
  }

  @Test
  void oneMissingBinaryIsNamed() throws IOException {
    Map<String, String> env = Map.of(KubeApiBinaries.ENV_DIR, dir.toString(), KubeApiBinaries.ENV_VERSION, "1.2.3");
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(env);
    executable(binaries.versionDir().resolve("etcd"));
    executable(binaries.versionDir().resolve("kubectl"));

    assertThat(binaries.missing()).containsExactly("kube-apiserver");
    assertThat(binaries.controllerManager()).isEmpty();
  }

  @Test
  void completeBinariesRun() throws IOException {
    Map<String, String> env = Map.of(KubeApiBinaries.ENV_DIR, dir.toString(), KubeApiBinaries.ENV_REQUIRE, "true");
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(env);
    for (String b : KubeApiBinaries.REQUIRED) {
      executable(binaries.versionDir().resolve(b));
    }

    KubeApiAssumptions.assumeAvailable(binaries, env);
    assertThat(binaries.missing()).isEmpty();
  }

  @Test
  void downloadAllowedRunsWithoutBinaries() {
    Map<String, String> env = Map.of(KubeApiBinaries.ENV_DIR, dir.toString(), KubeApiBinaries.ENV_OFFLINE, "false");
    KubeApiBinaries binaries = KubeApiBinaries.fromEnvironment(env);

    KubeApiAssumptions.assumeAvailable(binaries, env);
    assertThat(binaries.download()).isTrue();
  }

  private static void executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
