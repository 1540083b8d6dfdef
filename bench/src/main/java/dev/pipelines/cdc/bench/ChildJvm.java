package dev.pipelines.cdc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own for the code under measurement (the job, the operator), so its memory is its own:
 * its output goes to a log file, and lines starting with {@code BENCH } are handed to the harness.
 */
public final class ChildJvm implements AutoCloseable {
  /** The Java 17 openings Flink needs (same list as hack/java17-flink-opens.sh). */
  static final List<String> FLINK_OPENS = List.of("java.base/java.util", "java.base/java.lang",
      "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.net", "java.base/java.nio",
      "java.base/java.time", "java.base/java.math", "java.base/sun.nio.ch", "java.base/java.util.concurrent",
      "java.base/java.util.concurrent.atomic", "java.sql/java.sql");

  private final String name;
  private final Process process;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final PrintWriter stdin;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::pump, "child-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildJvm start(String name, List<String> jvmOptions, String classpath, String mainClass,
      List<String> args, Map<String, String> env, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    FLINK_OPENS.forEach(o -> command.add("--add-opens=" + o + "=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(env);
      return new ChildJvm(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("BENCH ")) {
          messages.add(line.substring(6));
        }
        out.write(line);
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      messages.add("EXITED");
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Waits for a {@code BENCH <prefix>...} line and returns it without "BENCH "; fails if the JVM exits first. */
  public String await(String prefix, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new IllegalStateException(name + ": no '" + prefix + "' within " + timeoutSeconds + " s; see " + log);
      }
      if (m.startsWith(prefix)) {
        return m;
      }
      if (m.equals("EXITED")) {
        messages.add(m);
        throw new IllegalStateException(name + " exited (status " + exitStatus() + ") before '" + prefix
            + "'; see " + log);
      }
    }
  }

  public void send(String line) {
    stdin.println(line);
  }

  public boolean alive() {
    return process.isAlive();
  }

  private String exitStatus() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
