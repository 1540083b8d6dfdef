package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the JobManager and TaskManager logs must never show: a class linkage failure, the sign of the
 * job's jar clashing with Flink's own classes (a class loaded from both, or a library at another
 * version than the one compiled against). A task failing so restarts, and the data may still arrive
 * in the end; this makes such a clash fail the test anyway.
 */
final class ClusterLogs {
  static final Pattern LINKAGE = Pattern.compile("java\\.lang\\.(NoSuchMethodError|NoSuchFieldError"
      + "|NoClassDefFoundError|IncompatibleClassChangeError|AbstractMethodError|VerifyError|LinkageError"
      + "|ClassCastException)");

  private ClusterLogs() {}

  static void assertNoLinkageErrors(FlinkCluster cluster) {
    List<String> found = new ArrayList<>();
    for (FlinkProcess p : cluster.flinkProcesses()) {
      try {
        for (String line : Files.readAllLines(p.log())) {
          if (LINKAGE.matcher(line).find() && found.size() < 10) {
            found.add(p.log().getFileName() + ": " + line.trim());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!found.isEmpty()) {
      throw new AssertionError("class linkage errors in the cluster's logs (" + cluster.logDir() + "): " + found);
    }
  }
}
