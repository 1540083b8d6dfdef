package dev.pipelines.cdc.job.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The job's jar carries one Postgres driver, the one whose keepalive flush can be turned off, and our
 * {@code ReplicationStreamBuilder} in place of the driver's (flink-sql-connector-postgres-cdc bundles
 * pgjdbc 42.7.3 unrelocated; the shade filters in the pipeline-job pom drop it).
 */
class JobJarDriverIT {
  private static final String BUILDER = "org/postgresql/replication/fluent/ReplicationStreamBuilder.class";

  private final Path jar = Path.of(System.getProperty("image.job.jar", "target/pipeline-job.jar"));

  @Test
  void theJarsStreamBuilderIsOursNotTheDrivers() throws Exception {
    byte[] ours = Files.readAllBytes(Path.of("target/classes").resolve(BUILDER));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(BUILDER);
      assertThat(entry).as(BUILDER + " in " + jar).isNotNull();
      try (InputStream in = zip.getInputStream(entry)) {
        assertThat(in.readAllBytes()).as("the jar's " + BUILDER).isEqualTo(ours);
      }
    }
  }

  @Test
  void theJarsDriverIsOneThatCanTurnOffItsAutomaticFlush() throws Exception {
    // Loaded from the jar alone (no parent but the JDK's): what a TaskManager loads.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      String version = (String) loader.loadClass("org.postgresql.util.DriverInfo").getField("DRIVER_VERSION")
          .get(null);
      assertThat(version).as("the driver version in " + jar).isEqualTo(System.getProperty("postgresql.version"));
      assertThat(loader.loadClass("org.postgresql.replication.fluent.AbstractStreamBuilder")
          .getMethod("withAutomaticFlush", boolean.class)).isNotNull();
    }
  }
}
