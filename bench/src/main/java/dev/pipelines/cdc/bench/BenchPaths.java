package dev.pipelines.cdc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the child JVMs run (hack/bench.sh builds it first). */
public record BenchPaths(Path root) {

  public static BenchPaths fromSystemProperty() {
    return new BenchPaths(Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize());
  }

  public Path target() {
    return root.resolve("bench/target");
  }

  public Path logs() {
    return target().resolve("bench-logs");
  }

  /** The job JVM: BenchJobMain, the shaded job jar (as in the image) and Flink, as hack/run-job-local.sh. */
  public String jobClasspath() {
    return target().resolve("classes") + ":" + root.resolve("pipeline-job/target/pipeline-job.jar") + ":"
        + read(root.resolve("pipeline-job/target/flink.classpath"));
  }

  /** The operator JVM: the bench module's runtime classpath (operator, its test harness, fabric8). */
  public String operatorClasspath() {
    return target().resolve("classes") + ":" + read(target().resolve("bench.classpath"));
  }

  public Path log4jConfig() {
    return root.resolve("hack/log4j2-local.xml");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("missing " + file + ": build first (hack/bench.sh does)", e);
    }
  }
}
