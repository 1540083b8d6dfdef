package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM options (-Xmx, -Xms, direct and metaspace limits) and the derived memory settings (-D ...)
 * of a JobManager or TaskManager, computed from {@code config.yaml} by Flink's own
 * {@code BashJavaUtils}, exactly as a distribution's {@code jobmanager.sh} and {@code taskmanager.sh}
 * (and Flink's Kubernetes pods) do before starting the JVM. A TaskManager refuses to start without
 * the derived settings.
 */
record ProcessMemory(List<String> jvmOptions, List<String> dynamicProperties) {
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

  enum Role {
    JOB_MANAGER("GET_JM_RESOURCE_PARAMS"),
    TASK_MANAGER("GET_TM_RESOURCE_PARAMS");

    private final String command;

    Role(String command) {
      this.command = command;
    }
  }

  static ProcessMemory compute(Role role, FlinkClasspath classpath, Path confDir, Path logDir) {
    Path log = logDir.resolve("bash-java-utils-" + role.name().toLowerCase(java.util.Locale.ROOT) + ".log");
    FlinkProcess process = FlinkProcess.start("bash-java-utils", classpath,
        List.of("-Xmx128m", "-Dlog4j.configurationFile=" + ClusterConfig.log4jConfig(confDir)), BASH_JAVA_UTILS,
        List.of(role.command, "--configDir", confDir.toString()), Map.of(), log);
    try {
      var status = process.awaitExit(120);
      if (status.isEmpty() || status.getAsInt() != 0) {
        process.kill();
        throw new IllegalStateException("BashJavaUtils " + role.command + " failed (" + status + "); see " + log);
      }
      List<String> results = Files.readAllLines(log).stream().filter(l -> l.startsWith(RESULT))
          .map(l -> l.substring(RESULT.length()).trim()).toList();
      // jobmanager.sh and taskmanager.sh take the last two result lines: JVM options, then dynamic properties.
      if (results.size() < 2) {
        throw new IllegalStateException("BashJavaUtils " + role.command + " printed " + results + "; see " + log);
      }
      return new ProcessMemory(split(results.get(results.size() - 2)), split(results.get(results.size() - 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> split(String line) {
    return line.isBlank() ? List.of() : Arrays.stream(line.trim().split("\\s+")).toList();
  }
}
