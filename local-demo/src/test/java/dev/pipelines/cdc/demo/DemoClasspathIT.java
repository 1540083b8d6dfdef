package dev.pipelines.cdc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo runs the job from its Maven classpath, not from the shaded jar, so the order of that classpath decides
 * which PostgreSQL driver classes load: flink-sql-connector-postgres-cdc 3.5.0 carries pgjdbc 42.7.3, which has no
 * {@code withAutomaticFlush}, and the job's own {@code ReplicationStreamBuilder} calls it (a NoSuchMethodError at
 * the stream's start otherwise). The driver must come before the connector, as the job's pom declares them.
 */
class DemoClasspathIT {
  @Test
  void theJobsDriverComesBeforeTheConnectorThatBundlesAnOlderOne() throws Exception {
    List<String> entries = List.of(Files.readString(Path.of(System.getProperty("demo.classpath"))).trim()
        .split(java.io.File.pathSeparator));
    int job = -1;
    for (int i = 0; i < entries.size() && job < 0; i++) {
      // The module's jar (in the reactor or the local repository), or its classes directory.
      String entry = entries.get(i).replace('\\', '/');
      job = entry.contains("pipeline-job/target/") || Path.of(entry).getFileName().toString().startsWith("pipeline-job-")
          ? i : -1;
    }
    int driver = index(entries, "postgresql-" + System.getProperty("postgresql.version") + ".jar");
    int connector = index(entries, "flink-sql-connector-postgres-cdc-");

    assertThat(job).as("the job's classes (its ReplicationStreamBuilder)").isGreaterThanOrEqualTo(0);
    assertThat(driver).as("the driver the job ships").isGreaterThan(job);
    assertThat(connector).as("the connector").isGreaterThan(driver);
  }

  private static int index(List<String> entries, String fileNamePart) {
    for (int i = 0; i < entries.size(); i++) {
      if (Path.of(entries.get(i)).getFileName().toString().contains(fileNamePart)) {
        return i;
      }
    }
    return -1;
  }
}
