package dev.pipelines.cdc.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flink run -d}: Flink's own CLI ({@code CliFrontend}) in a JVM of its own, with Flink's
 * classpath and {@code FLINK_CONF_DIR} only, submitting the shaded job jar as user code. The job's
 * {@code main} runs in that JVM (planning against Postgres, creating the StarRocks tables) and hands
 * the job graph to the JobManager it finds through ZooKeeper, as the Flink Kubernetes Operator's
 * application deployment runs the same main inside the JobManager pod.
 */
final class JobSubmission {
  static final String CLI_MAIN = "org.apache.flink.client.cli.CliFrontend";
  private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

  private JobSubmission() {}

  /**
   * Submits the job and returns its id once the CLI has exited successfully; fails with the CLI's log
   * otherwise (a dependency clash in the job's main, a refused plan, an unreachable JobManager).
   */
  static String submit(FlinkCluster cluster, GeneratedDeployment generated, Path jobJar, Path pipelineJson) {
    if (!Files.isRegularFile(jobJar)) {
      throw new IllegalStateException("no job jar at " + jobJar + ": pipeline-job must be packaged first"
          + " (./mvnw -B -pl flink-cluster-tests -am verify builds it)");
    }
    List<String> args = new ArrayList<>(List.of("run", "-d", "-p", String.valueOf(generated.parallelism()), "-c",
        generated.entryClass(), jobJar.toString()));
    args.addAll(generated.programArgs(pipelineJson));
    Path log = cluster.logDir().resolve("flink-run.log");
    FlinkProcess cli = FlinkProcess.start("flink-run", cluster.classpath(),
        List.of("-Xmx512m", "-Dlog4j.configurationFile=" + ClusterConfig.log4jConfig(cluster.confDir())), CLI_MAIN,
        args, cluster.flinkEnv(), log);
    try {
      var status = cli.awaitExit(300);
      if (status.isEmpty()) {
        cli.kill();
        throw new AssertionError("flink run did not exit within 300 s; see " + log);
      }
      String output = Files.readString(log);
      if (status.getAsInt() != 0) {
        throw new AssertionError("flink run exited with " + status.getAsInt() + "; see " + log);
      }
      Matcher m = SUBMITTED.matcher(output);
      if (!m.find()) {
        throw new AssertionError("flink run printed no job id; see " + log);
      }
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
