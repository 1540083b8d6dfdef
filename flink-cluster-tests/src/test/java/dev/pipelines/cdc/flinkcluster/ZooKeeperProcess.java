package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A standalone ZooKeeper server for the cluster's high availability, in a JVM of its own: the server
 * Flink ships in flink-shaded-zookeeper-3 (what a Flink distribution's {@code bin/zookeeper.sh} would
 * run), on Flink's classpath. Production uses Kubernetes HA instead (leader election and pointers in
 * ConfigMaps), which needs an API server; ZooKeeper is Flink's other HA service with the same contract:
 * a new JobManager finds the job graph and the latest checkpoint there and in {@code high-availability.storageDir}.
 */
final class ZooKeeperProcess implements AutoCloseable {
  static final String MAIN = "org.apache.flink.shaded.zookeeper3.org.apache.zookeeper.server.ZooKeeperServerMain";

  private final FlinkProcess process;
  private final int port;

  private ZooKeeperProcess(FlinkProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static ZooKeeperProcess start(FlinkClasspath classpath, Path dir, Path log4jConfig, Path logDir) {
    int port = FreePort.next();
    Path config = dir.resolve("zoo.cfg");
    try {
      Files.createDirectories(dir.resolve("data"));
      // Loopback only; no admin web server (it would take port 8080). tickTime 2 s: sessions of 4-40 s.
      Files.writeString(config, String.join("\n", "tickTime=2000", "dataDir=" + dir.resolve("data"),
          "clientPort=" + port, "clientPortAddress=127.0.0.1", "admin.enableServer=false", "maxClientCnxns=0", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FlinkProcess process = FlinkProcess.start("zookeeper", classpath,
        List.of("-Xmx256m", "-Dzookeeper.admin.enableServer=false", "-Dlog4j.configurationFile=" + log4jConfig),
        MAIN, List.of(config.toString()), Map.of(), logDir.resolve("zookeeper.log"));
    FreePort.awaitListening(port, process, Duration.ofSeconds(60));
    return new ZooKeeperProcess(process, port);
  }

  /** {@code high-availability.zookeeper.quorum}. */
  String quorum() {
    return "127.0.0.1:" + port;
  }

  FlinkProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
