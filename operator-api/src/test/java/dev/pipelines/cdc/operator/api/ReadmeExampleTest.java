package dev.pipelines.cdc.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's minimal pipeline is {@code examples/minimal-pipeline.yaml}'s, verbatim, so the one
 * newcomers copy is the one {@code ExamplesAreValidTest} validates.
 */
class ReadmeExampleTest {
  @Test
  void readmeShowsTheMinimalExampleVerbatim() throws IOException {
    String example = Files.readString(Path.of("../examples/minimal-pipeline.yaml"));
    String pipeline = example.substring(example.indexOf("apiVersion: cdc.pipelines.dev/")).strip();
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf("```yaml\n");
    assertThat(start).as("a ```yaml block in README.md").isNotNegative();
    int end = readme.indexOf("\n```", start + 8);
    assertThat(readme.substring(start + 8, end).strip())
        .as("README.md's yaml block vs examples/minimal-pipeline.yaml (copy the file's CdcPipeline into the README)")
        .isEqualTo(pipeline);
  }
}
