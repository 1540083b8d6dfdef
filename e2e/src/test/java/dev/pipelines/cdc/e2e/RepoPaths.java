package dev.pipelines.cdc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository files the suite reads and runs, found by walking up from the working directory. */
record RepoPaths(Path root) {
  static final String CLUSTER_CONFIG = "kind-config.yaml";

  /** Maven runs tests in the module directory; an IDE may run them anywhere below the root. */
  static RepoPaths locate() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(CLUSTER_CONFIG)) && Files.isDirectory(p.resolve("hack"))) {
        return new RepoPaths(p);
      }
    }
    throw new IllegalStateException("no " + CLUSTER_CONFIG + " in " + dir + " or any parent directory");
  }

  Path kindConfig() {
    return root.resolve(CLUSTER_CONFIG);
  }

  Path kindManifests() {
    return root.resolve("deploy/kind");
  }

  Path script(String name) {
    return root.resolve("hack").resolve(name);
  }

  /** Where the suite writes the output of the commands it runs. */
  Path logs() {
    return root.resolve("e2e/target/e2e-logs");
  }
}
