package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.kubeapi.KubeApiBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The script builds the version the tests look for; otherwise CI would build binaries nobody uses. */
class KubeApiVersionTest {
  private static final Pattern DEFAULT = Pattern.compile("(?m)^K8S_VERSION=\\$\\{K8S_VERSION:-([0-9.]+)}$");

  @Test
  void scriptDefaultIsThePomVersion() throws IOException {
    String script = Files.readString(Path.of(KubeApiAssumptions.requiredProperty("repo.dir"), KubeApiBinaries.SCRIPT));
    Matcher m = DEFAULT.matcher(script);

    assertThat(m.find()).as("K8S_VERSION default in %s", KubeApiBinaries.SCRIPT).isTrue();
    assertThat(m.group(1)).isEqualTo(KubeApiAssumptions.requiredProperty("kube-api.version"));
    assertThat(KubeApiBinaries.defaultVersion()).as("kube-api-support's kube-api.properties").isEqualTo(m.group(1));
  }
}
