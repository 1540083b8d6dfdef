package dev.pipelines.cdc.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions: the YAML of an object must equal {@code src/test/resources/golden/<name>}.
 * Run with {@code -Dgolden.update=true} to rewrite the files after an intended change, then review
 * the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(Object actual, String name) {
    String yaml = Serialization.asYaml(actual);
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, yaml);
      }
      assertThat(file).as("golden file %s (create or refresh with -Dgolden.update=true)", file).exists();
      assertThat(yaml).as("YAML of %s", name).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
