package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.config.CredentialEnvVars;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of the pipeline job in its own JVM (see BenchJobMain), with its RSS sampled throughout.
 * Closing it stops the JVM and drops the replication slot it leaves behind (a cancelled job keeps it).
 */
public final class JobRun implements AutoCloseable {
  private final ChildJvm jvm;
  private final RssSampler rss;
  private final PostgresServer pg;
  private final String slot;
  /** System.nanoTime() when the job was submitted (its BENCH RUNNING line). */
  private final long submittedNanos;

  /** The job's replication slot. */
  String slot() {
    return slot;
  }

  private JobRun(ChildJvm jvm, RssSampler rss, PostgresServer pg, String slot, long submittedNanos) {
    this.jvm = jvm;
    this.rss = rss;
    this.pg = pg;
    this.slot = slot;
    this.submittedNanos = submittedNanos;
  }

  public static JobRun start(BenchPaths paths, String name, PipelineConfig config, int parallelism,
      long checkpointMillis, String heap, PostgresServer pg, StarRocksEmulator sr) throws IOException,
      InterruptedException {
    Files.createDirectories(paths.logs());
    Path configFile = paths.logs().resolve(name + ".json");
    Files.writeString(configFile, PipelineConfigCodec.write(config));
    List<String> options = new java.util.ArrayList<>(List.of("-Xmx" + heap,
        "-Dlog4j2.configurationFile=" + System.getProperty("bench.job.log4j", paths.log4jConfig().toString())));
    if (Boolean.getBoolean("bench.profile")) {
      // -Dbench.profile=true: a JFR recording per job (bench-logs/job-NAME.jfr), e.g. `jfr print --events
      // jdk.ExecutionSample` to see where the job's CPU goes.
      options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + paths.logs().resolve("job-" + name + ".jfr"));
    }
    ChildJvm jvm = ChildJvm.start("job-" + name, options,
        paths.jobClasspath(), "dev.pipelines.cdc.bench.job.BenchJobMain",
        List.of("--config", configFile.toString(), "--parallelism", String.valueOf(parallelism),
            "--checkpoint-ms", String.valueOf(checkpointMillis)),
        Map.of(CredentialEnvVars.SOURCE_USERNAME, PostgresServer.CDC_USER,
            CredentialEnvVars.SOURCE_PASSWORD, PostgresServer.CDC_PASSWORD,
            CredentialEnvVars.SINK_USERNAME, sr.user(), CredentialEnvVars.SINK_PASSWORD, sr.password()),
        paths.logs());
    RssSampler rss = new RssSampler(jvm.pid());
    try {
      jvm.await("RUNNING", 180);
    } catch (RuntimeException | InterruptedException e) {
      rss.close();
      jvm.close();
      throw e;
    }
    return new JobRun(jvm, rss, pg, config.source().slotName(), System.nanoTime());
  }

  public long submittedNanos() {
    return submittedNanos;
  }

  /** CPU seconds the job JVM has used so far (user + system). */
  public double cpuSeconds() {
    return Machine.cpuSeconds(jvm.pid());
  }

  public RssSampler rss() {
    return rss;
  }

  /** Fails the run if the job JVM died (a broken run must not print numbers). */
  public void checkAlive() {
    if (!jvm.alive()) {
      throw new IllegalStateException("the job JVM exited; see " + jvm.log());
    }
  }

  @Override
  public void close() {
    rss.close();
    jvm.close();
    // The walsender notices the closed connection a moment later; until then the slot is active.
    for (int i = 0; i < 50; i++) {
      try {
        pg.superuserSql().execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
            + " WHERE slot_name = '" + slot + "' AND NOT active");
        if (pg.superuserSql().scalar("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + slot + "'") == null) {
          return;
        }
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
