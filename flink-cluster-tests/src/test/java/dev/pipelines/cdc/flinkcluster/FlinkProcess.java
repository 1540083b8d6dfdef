package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the cluster on Flink's classpath only (a JobManager, a TaskManager, ZooKeeper, the CLI),
 * its stdout and stderr appended to its own log file. {@link #kill()} is {@code kill -9}; a JVM
 * shutdown hook kills whatever a failed test left running, so no JVM outlives the test JVM.
 */
final class FlinkProcess implements AutoCloseable {
  /** The Java 17 openings Flink needs (the list of hack/java17-flink-opens.sh and bench's ChildJvm). */
  static final List<String> FLINK_OPENS = List.of("java.base/java.util", "java.base/java.lang",
      "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.net", "java.base/java.nio",
      "java.base/java.time", "java.base/java.math", "java.base/sun.nio.ch", "java.base/java.util.concurrent",
      "java.base/java.util.concurrent.atomic", "java.sql/java.sql");

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
        "flink-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private FlinkProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * @param jvmOptions besides the openings (heap sizes, system properties)
   * @param env added to this JVM's environment (FLINK_CONF_DIR, credentials)
   */
  static FlinkProcess start(String name, FlinkClasspath classpath, List<String> jvmOptions, String mainClass,
      List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    FLINK_OPENS.forEach(o -> command.add("--add-opens=" + o + "=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath.value(), mainClass));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      // The command without the classpath (long, and the same for every JVM: target/flink-lib.classpath).
      Files.writeString(log, "$ " + String.join(" ", command).replace(classpath.value(), "<flink-lib.classpath>")
          + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      RUNNING.add(process);
      return new FlinkProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Fails, naming the log, if the JVM has exited (a bad option, a port taken). */
  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + log);
    }
  }

  /** Waits for the JVM to exit by itself; its exit status, or empty if it still runs after {@code seconds}. */
  java.util.OptionalInt awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /** {@code kill -9}: no shutdown hook, no goodbye to the JobManager or ZooKeeper, as a lost machine or an OOM kill. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(process);
    }
  }

  @Override
  public void close() {
    kill();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
