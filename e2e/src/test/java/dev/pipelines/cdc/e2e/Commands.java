package dev.pipelines.cdc.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs kind, kubectl, helm and the hack/ scripts: output captured (and copied to a log file, so a
 * long step can be followed with tail -f), stdin closed, and a hard timeout that kills the whole
 * process tree.
 */
final class Commands {
  private Commands() {}

  /**
   * @param env added to (and overriding) this JVM's environment, e.g. a different PATH
   * @param log file the output is appended to as it comes, if present
   * @throws IOException if the program cannot be started at all (not on PATH)
   */
  static CommandResult run(
      List<String> command, Path workDir, Map<String, String> env, Duration timeout, Optional<Path> log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    if (log.isPresent()) {
      Files.createDirectories(log.get().getParent());
    }
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> copy(process, output, log), "output of " + command.get(0));
    reader.setDaemon(true);
    reader.start();
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    String text;
    synchronized (output) {
      text = output.toString();
    }
    return new CommandResult(command, finished ? process.exitValue() : -1, text, !finished, timeout);
  }

  private static void copy(Process process, StringBuilder output, Optional<Path> log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = log.isPresent()
            ? Files.newBufferedWriter(log.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
            : Writer.nullWriter()) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        out.write(line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      // The process was killed mid-line (timeout): what was read so far is kept.
      if (process.isAlive()) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
