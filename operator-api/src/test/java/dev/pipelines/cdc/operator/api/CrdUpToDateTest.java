package dev.pipelines.cdc.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CRD in {@code crds/} must be the one generated from the Java model by this build. */
class CrdUpToDateTest {
  static final String CRD_FILE = "cdcpipelines.cdc.pipelines.dev-v1.yml";

  @Test
  void committedCrdEqualsGeneratedCrd() throws IOException {
    Path generated = Path.of("target/classes/META-INF/fabric8").resolve(CRD_FILE);
    Path committed = Path.of("../crds").resolve(CRD_FILE);

    assertThat(generated).exists();
    assertThat(committed).as("run hack/update-crds.sh and commit crds/").exists();
    assertThat(Files.readString(committed))
        .as("crds/%s is stale: run hack/update-crds.sh and commit it", CRD_FILE)
        .isEqualTo(Files.readString(generated));
  }
}
