package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.testsupport.compare.TableChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One line per fault, ready to paste into a note: how long the pipeline took from the end of the
 * fault until the sink equalled the source, and what that comparison counted. Printed and written to
 * {@code target/flink-cluster-logs/FAULTS.txt} (this run's lines).
 */
final class FaultReport {
  /** FAULTS.txt holds this run's lines only: the first line of a test JVM starts it afresh. */
  private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean(true);

  private FaultReport() {}

  static String line(String fault, DeliverySemantic semantic, Duration recovered, List<TableChecksum.Result> results) {
    int rows = results.stream().mapToInt(TableChecksum.Result::sourceRows).sum();
    int lost = results.stream().mapToInt(TableChecksum.Result::lost).sum();
    int extra = results.stream().mapToInt(TableChecksum.Result::extra).sum();
    int different = results.stream().mapToInt(TableChecksum.Result::different).sum();
    return String.format(Locale.ROOT, "FAULT %s semantic=%s recovered in %.1f s; rows compared %d; lost %d extra %d"
        + " different %d", fault, semantic.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        recovered.toMillis() / 1000.0, rows, lost, extra, different);
  }

  static void publish(String line, Path logsRoot) {
    System.out.println(line);
    try {
      Files.createDirectories(logsRoot);
      Files.writeString(logsRoot.resolve("FAULTS.txt"), line + "\n", StandardOpenOption.CREATE,
          FIRST.getAndSet(false) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
