package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's {@code config.yaml}: the operator's generated {@code flinkConfiguration} with only
 * what cannot hold outside Kubernetes rewritten, plus what the Flink Kubernetes Operator and the pods
 * would add (memory sizes, addresses). Every rewrite is listed here:
 *
 * <ul>
 *   <li>{@code s3://} state directories → directories of the test's temp dir ({@code file://}): the
 *       same layout (checkpoints, savepoints, ha) on the local filesystem;
 *   <li>{@code high-availability.type: kubernetes} → {@code zookeeper} (the Kubernetes service needs an
 *       API server), with the ZooKeeper quorum and a session timeout of 15 s, Kubernetes HA's default
 *       lease duration ({@code high-availability.kubernetes.leader-election.lease-duration}): a killed
 *       JobManager's leadership lapses as fast as it would on Kubernetes (ZooKeeper's default is 60 s);
 *   <li>{@code execution.checkpointing.interval} shortened for test speed (see {@link #CHECKPOINT_INTERVAL}).
 * </ul>
 */
final class ClusterConfig {
  /**
   * Shortened from the generated default (30 s) so that a test waits seconds, not minutes, for the
   * checkpoint a restore needs and for exactly-once rows to become visible. Nothing else depends on it.
   */
  static final String CHECKPOINT_INTERVAL = "3s";
  static final String HA_TYPE = "high-availability.type";
  static final String CHECKPOINT_INTERVAL_KEY = "execution.checkpointing.interval";

  private final Map<String, String> entries;

  private ClusterConfig(Map<String, String> entries) {
    this.entries = entries;
  }

  static ClusterConfig of(GeneratedDeployment generated, Path stateRoot, String zooKeeperQuorum) {
    Map<String, String> generatedConf = generated.flinkConfiguration();
    Map<String, String> conf = new TreeMap<>();
    generatedConf.forEach((key, value) -> conf.put(key, localPath(value, stateRoot)));
    require(generatedConf, HA_TYPE, "kubernetes");
    require(generatedConf, CHECKPOINT_INTERVAL_KEY, null);
    conf.put(HA_TYPE, "zookeeper");
    conf.put("high-availability.zookeeper.quorum", zooKeeperQuorum);
    conf.put("high-availability.cluster-id", "/cdc-pipeline");
    conf.put("high-availability.zookeeper.client.session-timeout", "15000");
    // The test's ZooKeeper has no SASL; without this every client logs a bogus "Authentication failed" ERROR.
    conf.put("zookeeper.sasl.disable", "true");
    conf.put(CHECKPOINT_INTERVAL_KEY, CHECKPOINT_INTERVAL);
    // What the Flink Kubernetes Operator derives from spec.jobManager/taskManager.resource.memory.
    conf.put("jobmanager.memory.process.size", generated.jobManagerMemory());
    conf.put("taskmanager.memory.process.size", generated.taskManagerMemory());
    // What the pods' network gives on Kubernetes: here everything binds to and talks over loopback.
    conf.put("jobmanager.rpc.address", "127.0.0.1");
    conf.put("jobmanager.bind-host", "127.0.0.1");
    conf.put("rest.address", "127.0.0.1");
    conf.put("rest.bind-address", "127.0.0.1");
    conf.put("taskmanager.host", "127.0.0.1");
    conf.put("taskmanager.bind-host", "127.0.0.1");
    return new ClusterConfig(conf);
  }

  /** A generated value the rewrite relies on: if the operator changes it, this test must be looked at again. */
  private static void require(Map<String, String> generated, String key, String value) {
    String actual = generated.get(key);
    if (actual == null || (value != null && !value.equals(actual))) {
      throw new IllegalStateException("the generated flinkConfiguration has " + key + "=" + actual
          + (value == null ? "" : ", expected " + value) + ": " + generated);
    }
  }

  /** {@code s3://bucket/path} → {@code file://<stateRoot>/bucket/path}. */
  static String localPath(String value, Path stateRoot) {
    return value.startsWith("s3://") ? stateRoot.resolve(value.substring("s3://".length())).toUri().toString()
        : value;
  }

  Map<String, String> entries() {
    return Map.copyOf(entries);
  }

  String get(String key) {
    return entries.get(key);
  }

  /**
   * Writes {@code config.yaml} (Flink 1.19's standard-YAML configuration file; every value a quoted
   * string, which Flink converts to the option's type) and the log4j configuration ({@link #writeLog4j}).
   */
  void write(Path confDir) {
    StringBuilder yaml = new StringBuilder("# Written by flink-cluster-tests' ClusterConfig.\n");
    entries.forEach((key, value) -> yaml.append(key).append(": ").append(quoted(value)).append('\n'));
    try {
      Files.createDirectories(confDir);
      Files.writeString(confDir.resolve("config.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeLog4j(confDir);
  }

  /** The log4j configuration of every JVM of the cluster: INFO to stdout, which goes to the JVM's log file. */
  static Path writeLog4j(Path confDir) {
    try {
      Files.createDirectories(confDir);
      return Files.writeString(log4jConfig(confDir), String.join("\n",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.console.ref = console",
          "appender.console.type = Console",
          "appender.console.name = console",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p [%t] %c{1} - %m%n",
          // Per-record and per-connection chatter that would bury the lines that matter.
          "logger.zk.name = org.apache.flink.shaded.zookeeper3",
          "logger.zk.level = WARN",
          "logger.curator.name = org.apache.flink.shaded.curator5",
          "logger.curator.level = WARN",
          "logger.debezium.name = io.debezium",
          "logger.debezium.level = WARN",
          ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path log4jConfig(Path confDir) {
    return confDir.resolve("log4j.properties");
  }

  private static String quoted(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** For messages: the whole configuration, one entry per line. */
  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>(entries);
    return shown.toString();
  }
}
