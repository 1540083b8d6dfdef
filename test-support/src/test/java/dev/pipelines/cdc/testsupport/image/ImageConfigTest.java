package dev.pipelines.cdc.testsupport.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageConfigTest {

  private static ImageConfig config(String created, Map<String, String> labels) {
    return new ImageConfig(created, List.of(), List.of(), List.of(), "", "", Set.of(), labels, List.of());
  }

  private static Map<String, String> allLabels(String version) {
    Map<String, String> labels = new HashMap<>();
    ImageConfig.OCI_LABELS.forEach(l -> labels.put(l, "x"));
    labels.put("org.opencontainers.image.version", version);
    return labels;
  }

  @Test
  void aReproducibleLabelledImageHasNoReleaseProblems() {
    assertThat(config("1970-01-01T00:00:00Z", allLabels("1.0")).releaseProblems("1.0")).isEmpty();
  }

  @Test
  void namesEachReleaseProblem() {
    Map<String, String> labels = allLabels("0.9");
    labels.remove("org.opencontainers.image.title");

    assertThat(config("2026-11-26T12:00:00Z", labels).releaseProblems("1.0")).containsExactly(
        "created 2026-11-26T12:00:00Z, not at the epoch: the image is not reproducible",
        "label org.opencontainers.image.title missing",
        "labelled version 0.9, not 1.0");
  }
}
