package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a Flink distribution's {@code lib/} would hold, for every JVM of the cluster (JobManager,
 * TaskManagers, ZooKeeper, the CLI): Flink's own modules and logging, as the build resolved this
 * module's provided-scope dependencies into {@code target/flink-lib.classpath}. The test classpath
 * (Postgres, the emulator, the operator, JUnit) never reaches these JVMs, so the job's jar meets
 * exactly the classes Flink itself brings, and a clash between them shows.
 */
record FlinkClasspath(String value) {
  static final String PROPERTY = "flink.lib.classpath";

  static FlinkClasspath fromBuild() {
    String file = System.getProperty(PROPERTY);
    if (file == null) {
      throw new IllegalStateException("-D" + PROPERTY + " is not set: run these tests through Maven"
          + " (./mvnw -B -pl flink-cluster-tests -am verify), which writes it");
    }
    try {
      return new FlinkClasspath(Files.readString(Path.of(file)).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (maven-dependency-plugin writes it)", e);
    }
  }

  List<Path> jars() {
    return Arrays.stream(value.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }
}
