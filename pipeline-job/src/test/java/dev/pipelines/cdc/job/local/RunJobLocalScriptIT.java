package dev.pipelines.cdc.job.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.PipelineId;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StarRocksSinkConfig;
import dev.pipelines.cdc.config.StartupMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hack/run-job-local.sh} itself, with the jar the package phase built: its dry run reads
 * the config and the state directory from the caller's working directory, connects to nothing, and
 * prints what it would restore and the quoted statements that drop the slot.
 */
class RunJobLocalScriptIT {
  private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("hack/run-job-local.sh");

  record Result(int exitCode, String output) {}

  @TempDir
  Path dir;

  @Test
  void dryRunSaysWhatItWouldRestoreAndHowToDropTheSlot() throws Exception {
    PipelineConfig config = PipelineConfig.of(new PipelineId("local", "orders"),
        new PostgresSourceConfig("localhost", 5432, "shop", List.of("shop\\..*"), List.of(), "o'rders_slot",
            "orders\"pub", StartupMode.INITIAL, 1000),
        new StarRocksSinkConfig("jdbc:mysql://localhost:9030", List.of("localhost:8030"), "shop", List.of(), true,
            DeliverySemantic.AT_LEAST_ONCE, 1000, Map.of()));
    Files.writeString(dir.resolve("pipeline.json"), PipelineConfigCodec.write(config));

    // Relative paths are the caller's: the script must not change directory before Java reads them.
    Result fresh = run("--config", "pipeline.json", "--state-dir", "my state", "--dry-run");
    assertThat(fresh.exitCode()).as(fresh.output()).isZero();
    Path cwd = dir.toRealPath();
    Path state = cwd.resolve("my state");
    assertThat(fresh.output()).contains(
        "[local] no checkpoint in " + state.resolve("checkpoints") + ": would start with a snapshot",
        "[local]     " + SCRIPT + " --config " + cwd.resolve("pipeline.json") + " --state-dir '" + state + "'\n",
        "[local]     SELECT pg_drop_replication_slot('o''rders_slot');\n",
        "[local]     DROP PUBLICATION IF EXISTS \"orders\"\"pub\";");

    Path incomplete = Files.createDirectories(state.resolve("checkpoints/5f3a/chk-8"));
    Path complete = Files.createDirectories(state.resolve("checkpoints/5f3a/chk-7"));
    Files.writeString(complete.resolve("_metadata"), "");
    Result resume = run("--config", "pipeline.json", "--state-dir", "my state", "--dry-run");
    assertThat(resume.exitCode()).as(resume.output()).isZero();
    assertThat(resume.output()).contains("[local] would resume from checkpoint " + complete)
        .doesNotContain(incomplete.toString());
  }

  @Test
  void helpAndMissingStateDir() throws Exception {
    Result help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("usage: hack/run-job-local.sh --config <pipeline.json> --state-dir <dir>");

    Result missing = run("--config", "pipeline.json");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("--state-dir is required");
  }

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the script did not end within a minute");
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
